package dev.descent.model.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.descent.model.spec.DatasetSpec;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;

class TrialExpanderTest {

    private static final TrainingSpec TRAINING = new TrainingSpec(1, 64, 0.001, 4000);
    private static final ProbeSpec PROBE = new ProbeSpec(5000, 2000, 10, 20);

    private static ExperimentSpec spec(String name, List<Long> seeds) {
        return new ExperimentSpec(name, new DatasetSpec("fashion-mnist", null), List.of("inpainting", "denoising"),
                List.of("l2", "l1"), seeds, TRAINING, PROBE);
    }

    @Test
    void gridIsPretextByLossBySeed() {
        List<TrialConfig> trials = TrialExpander.expand(spec("a", List.of(1L, 2L, 3L)));

        assertEquals(12, trials.size());
        assertEquals(new TrialConfig("fashion-mnist", TrialExpander.ENCODER, "inpainting", "l2", 1, TRAINING, PROBE),
                trials.get(0));
        assertEquals("denoising", trials.get(11).pretext());
        assertEquals("l1", trials.get(11).loss());
        assertEquals(3, trials.get(11).seed());
    }

    @Test
    void trialIdsAreUniqueAndIndependentOfExperimentName() {
        List<String> first = TrialExpander.expand(spec("a", List.of(1L, 2L))).stream().map(TrialIds::of).toList();
        List<String> second = TrialExpander.expand(spec("b", List.of(1L, 2L))).stream().map(TrialIds::of).toList();

        Set<String> unique = new HashSet<>(first);
        assertEquals(first.size(), unique.size());
        assertEquals(first, second);
    }

    @Test
    void trialIdHashesCanonicalJson() {
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 1, TRAINING, PROBE);

        String json = TrialIds.canonicalJson(config);
        assertEquals("{\"dataset\":\"fashion-mnist\",\"encoder\":\"conv-ae-v1\",\"loss\":\"l2\",\"pretext\":\"inpainting\","
                + "\"probe\":{\"epochs\":10,\"knnK\":20,\"testImages\":2000,\"trainImages\":5000,\"validationImages\":2000},"
                + "\"seed\":1,\"training\":{\"batchSize\":64,\"epochs\":1,\"learningRate\":0.001,"
                + "\"pretrainImages\":4000}}", json);
        // SHA-256 of the JSON above, computed independently with `printf '%s' "$json" | sha256sum`.
        assertEquals("t-" + Sha256Fixture.FIRST_16_HEX, TrialIds.of(config));
    }

    @Test
    void anyConfigChangeChangesTheId() {
        TrialConfig base = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 1, TRAINING, PROBE);

        assertNotEquals(TrialIds.of(base), TrialIds.of(
                new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 2, TRAINING, PROBE)));
        assertNotEquals(TrialIds.of(base), TrialIds.of(new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting",
                "l2", 1, new TrainingSpec(1, 64, 0.002, 4000), PROBE)));
        assertNotEquals(TrialIds.of(base), TrialIds.of(new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting",
                "l2", 1, TRAINING, new ProbeSpec(5000, 2000, 10, 20, 1000))), "validation images");
        assertNotEquals(TrialIds.of(base), TrialIds.of(new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting",
                "huber(delta=0.1)", 1, TRAINING, PROBE)), "loss parameters");
        assertTrue(TrialIds.of(base).matches("t-[0-9a-f]{16}"));
    }
}
