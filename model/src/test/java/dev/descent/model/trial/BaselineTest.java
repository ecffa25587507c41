package dev.descent.model.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.Json;
import dev.descent.model.spec.DatasetSpec;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.SpecException;
import dev.descent.model.spec.SpecParser;
import dev.descent.model.spec.TrainingSpec;

class BaselineTest {

    private static final TrainingSpec TRAINING = new TrainingSpec(1, 64, 0.001, 4000);
    private static final ProbeSpec PROBE = new ProbeSpec(5000, 2000, 10, 20);

    private static ExperimentSpec spec(List<String> pretexts, List<String> losses, TrainingSpec training) {
        return new ExperimentSpec("a", new DatasetSpec("fashion-mnist", null), pretexts, losses, List.of(1L, 2L),
                training, PROBE);
    }

    @Test
    void baselinesFollowGridPerSeed() {
        ExperimentSpec spec = spec(List.of("inpainting", "denoising"), List.of("l2", "l1"), TRAINING);

        List<TrialConfig> all = TrialExpander.expandWithBaselines(spec);

        assertEquals(8 + 6, all.size());
        assertEquals(TrialExpander.expand(spec), all.subList(0, 8));
        assertEquals(new TrialConfig("fashion-mnist", null, "baseline", "raw-pixels", 1, null, PROBE), all.get(8));
        assertEquals(new TrialConfig("fashion-mnist", "conv-ae-v1", "baseline", "random-encoder", 2, null, PROBE),
                all.get(11));
        assertEquals(new TrialConfig("fashion-mnist", "conv-ae-v1", "baseline", "supervised", 2, TRAINING, PROBE),
                all.get(13));
        Set<String> ids = new HashSet<>(all.stream().map(TrialIds::of).toList());
        assertEquals(14, ids.size());
    }

    @Test
    void untrainedBaselineIdsIgnoreGridAndTraining() {
        ExperimentSpec first = spec(List.of("inpainting"), List.of("l2"), TRAINING);
        ExperimentSpec second = spec(List.of("denoising"), List.of("l1", "l2"), new TrainingSpec(3, 32, 0.01, 100));

        List<TrialConfig> a = TrialExpander.baselines(first);
        List<TrialConfig> b = TrialExpander.baselines(second);

        for (int i = 0; i < 4; i++) {
            assertEquals(TrialIds.of(a.get(i)), TrialIds.of(b.get(i)), "raw-pixels and random-encoder, index " + i);
        }
        assertTrue(!TrialIds.of(a.get(4)).equals(TrialIds.of(b.get(4))), "supervised depends on training");
    }

    @Test
    void baselineConfigRoundTripsWithNulls() throws Exception {
        TrialConfig raw = Baseline.RAW_PIXELS.config(spec(List.of("inpainting"), List.of("l2"), TRAINING), 7);

        String canonical = TrialIds.canonicalJson(raw);
        TrialConfig parsed = Json.messages().readValue(Json.messages().writeValueAsString(raw), TrialConfig.class);

        assertEquals("{\"dataset\":\"fashion-mnist\",\"encoder\":null,\"loss\":\"raw-pixels\",\"pretext\":\"baseline\","
                + "\"probe\":{\"epochs\":10,\"knnK\":20,\"testImages\":2000,\"trainImages\":5000,"
                + "\"validationImages\":2000},\"seed\":7,\"training\":null}", canonical);
        assertEquals(raw, parsed);
        assertNull(parsed.training());
        assertEquals(Baseline.RAW_PIXELS, Baseline.of(parsed).orElseThrow());
        assertEquals(0, TrialExpander.trainingImages(parsed));
    }

    @Test
    void trainingImagesCountEveryEpoch() {
        TrialConfig supervised = Baseline.SUPERVISED.config(spec(List.of("inpainting"), List.of("l2"),
                new TrainingSpec(3, 64, 0.001, 1000)), 1);

        assertEquals(3000, TrialExpander.trainingImages(supervised));
        assertTrue(Baseline.of(new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 1, TRAINING, PROBE))
                .isEmpty());
    }

    @Test
    void doesSslHelpExperimentExpands() throws Exception {
        Path file = Path.of("..", "experiments", "does-ssl-help.yaml");
        ExperimentSpec spec = new SpecParser(500).parse(file.toString(), Files.readString(file));

        List<TrialConfig> trials = TrialExpander.expandWithBaselines(spec);

        assertEquals(List.of("inpainting", "denoising"), spec.pretextTasks());
        assertEquals(List.of(1L, 2L, 3L), spec.seeds());
        assertEquals(List.of("l2", "l1"), spec.losses(), "the two losses the file compares");
        assertEquals(12 + 9, trials.size());
    }

    @Test
    void specCannotRequestBaselinePretext() {
        String yaml = """
                name: sneaky
                dataset: fashion-mnist
                pretext: [baseline]
                losses: [l2]
                seeds: [1]
                """;

        SpecException error = assertThrows(SpecException.class, () -> new SpecParser(500).parse("x.yaml", yaml));
        assertTrue(error.getMessage().contains("pretext"), error.getMessage());
    }
}
