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

class TrialResultJsonTest {

    private static final TrialConfig CONFIG = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 3,
            new TrainingSpec(1, 64, 0.001, 5000), new ProbeSpec(10000, 2000, 10, 20, 2000, List.of(0.01, 1.0)));

    private static final List<LabelFractionScores> FRACTIONS = List.of(
            new LabelFractionScores(0.01, 100, 0.01, 5, 0.61, 0.6, 0.58, 0.57),
            new LabelFractionScores(1.0, 10000, 0.0001, 20, 0.83, 0.82, 0.81, 0.8));

    @Test
    void fractionsRoundTrip() throws Exception {
        TrialResult result = result(FRACTIONS);

        String json = Json.messages().writeValueAsString(result);
        TrialResult read = Json.messages().readValue(json, TrialResult.class);

        assertEquals(result, read);
        assertEquals(FRACTIONS, read.labelFractions());
        assertTrue(json.contains("\"linearL2\":0.01"), json);
    }

    @Test
    void resultWithoutFractionsRoundTrips() throws Exception {
        TrialResult result = result(null);

        TrialResult read = Json.messages().readValue(Json.messages().writeValueAsString(result), TrialResult.class);

        assertEquals(result, read);
        assertNull(read.labelFractions());
    }

    @Test
    void oldMessageWithoutFieldParses() throws Exception {
        ObjectNode tree = Json.messages().valueToTree(result(FRACTIONS));
        tree.remove("labelFractions");

        TrialResult read = Json.messages().treeToValue(tree, TrialResult.class);

        assertNull(read.labelFractions());
        assertEquals(0.8, read.linearProbeAccuracy());
        assertEquals(0.79, read.validationLinearProbeAccuracy());
        assertEquals(CONFIG, read.config());
    }

    private static TrialResult result(List<LabelFractionScores> fractions) {
        return new TrialResult("e-1", TrialIds.of(CONFIG), 1, CONFIG, 0.8, 0.7, 0.75, 0.65, 0.01, 12.0, 300.0,
                "w-1", "CPU", Instant.parse("2026-12-04T22:00:00Z"), List.of(new LossPoint(64, 0.05)), 0.79, 0.69,
                fractions);
    }
}
