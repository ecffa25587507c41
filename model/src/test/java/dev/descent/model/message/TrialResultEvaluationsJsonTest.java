package dev.descent.model.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialIds;

class TrialResultEvaluationsJsonTest {

    private static final TrialConfig CONFIG = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 3,
            new TrainingSpec(1, 64, 0.001, 5000), new ProbeSpec(10000, 2000, 10, 20, 2000));

    private static final List<EvaluatorScore> EVALUATIONS = List.of(
            new EvaluatorScore("nearest-centroid", "1.0", 0.71, 0.7),
            new EvaluatorScore("broken", "0.1", null, null));

    @Test
    void evaluationsRoundTrip() throws Exception {
        TrialResult result = result(EVALUATIONS);

        String json = Json.messages().writeValueAsString(result);
        TrialResult read = Json.messages().readValue(json, TrialResult.class);

        assertEquals(result, read);
        assertEquals(EVALUATIONS, read.evaluations());
        assertTrue(json.contains("\"name\":\"nearest-centroid\""), json);
        assertTrue(json.contains("\"testAccuracy\":0.7"), json);
    }

    @Test
    void missingFiguresStayNull() throws Exception {
        TrialResult read = Json.messages().readValue(Json.messages().writeValueAsString(result(EVALUATIONS)),
                TrialResult.class);

        EvaluatorScore broken = read.evaluations().get(1);
        assertEquals("broken", broken.name());
        assertNull(broken.validationAccuracy());
        assertNull(broken.testAccuracy());
    }

    @Test
    void oldMessageWithoutEvaluationsParses() throws Exception {
        ObjectNode tree = Json.messages().valueToTree(result(EVALUATIONS));
        tree.remove("evaluations");

        TrialResult read = Json.messages().treeToValue(tree, TrialResult.class);

        assertNull(read.evaluations());
        assertEquals(0.8, read.linearProbeAccuracy());
        assertEquals(0.79, read.validationLinearProbeAccuracy());
        assertEquals(CONFIG, read.config());
    }

    @Test
    void labelFractionConstructorLeavesEvaluationsNull() {
        TrialResult result = new TrialResult("e-1", TrialIds.of(CONFIG), 1, CONFIG, 0.8, 0.7, 0.75, 0.65, 0.01, 12.0,
                300.0, "w-1", "CPU", Instant.parse("2026-12-04T22:00:00Z"), List.of(), 0.79, 0.69, null);

        assertNull(result.evaluations());
    }

    private static TrialResult result(List<EvaluatorScore> evaluations) {
        return new TrialResult("e-1", TrialIds.of(CONFIG), 1, CONFIG, 0.8, 0.7, 0.75, 0.65, 0.01, 12.0, 300.0,
                "w-1", "CPU", Instant.parse("2026-12-04T22:00:00Z"), List.of(new LossPoint(64, 0.05)), 0.79, 0.69,
                null, evaluations);
    }
}
