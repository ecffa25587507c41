package dev.descent.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialIds;

class LabelFractionsSpecTest {

    private final SpecParser parser = new SpecParser(100);

    private static String spec(String probe) {
        return """
                name: fractions
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2]
                seeds: [1]
                probe:
                """ + probe;
    }

    @Test
    void fractionsParseSorted() {
        ExperimentSpec parsed = parser.parse("f.yaml", spec("""
                  train-images: 5000
                  label-fractions: [1.0, 0.01, 0.1]
                """));

        assertEquals(List.of(0.01, 0.1, 1.0), parsed.probe().labelFractions());
        assertFalse(parsed.probe().hasDefaultLabelFractions());
    }

    @Test
    void omittedFractionsAreDefault() {
        ExperimentSpec parsed = parser.parse("f.yaml", spec("  train-images: 5000\n"));

        assertEquals(List.of(1.0), parsed.probe().labelFractions());
        assertTrue(parsed.probe().hasDefaultLabelFractions());
        assertEquals(new ProbeSpec(5000, 2000, 10, 20), parsed.probe());
    }

    @Test
    void fractionTooSmallNamesSmallestValid() {
        SpecException error = assertThrows(SpecException.class, () -> parser.parse("f.yaml", spec("""
                  train-images: 500
                  label-fractions: [0.01, 0.5]
                """)));

        assertEquals(1, error.problems().size());
        SpecProblem problem = error.problems().get(0);
        assertEquals("probe.label-fractions", problem.field());
        assertEquals("0.01", problem.value());
        assertEquals(8, problem.line());
        assertTrue(problem.message().contains("fewer than the 10 classes"), problem.message());
        assertTrue(problem.message().contains("smallest valid fraction is 0.02"), problem.message());
    }

    @Test
    void badFractionsAreAllReported() {
        SpecException error = assertThrows(SpecException.class, () -> parser.parse("f.yaml", spec("""
                  label-fractions: [0, 1.5, half, 0.1, 0.1]
                """)));

        List<String> values = error.problems().stream().map(SpecProblem::value).toList();
        assertEquals(List.of("0", "1.5", "half", "0.1"), values);
        assertTrue(error.problems().get(0).message().contains("greater than 0 and at most 1"));
        assertTrue(error.problems().get(2).message().contains("must be a number"));
        assertTrue(error.problems().get(3).message().contains("listed twice"));
    }

    @Test
    void emptyAndTooManyFractionsRejected() {
        SpecException empty = assertThrows(SpecException.class, () -> parser.parse("f.yaml",
                spec("  label-fractions: []\n")));
        assertTrue(empty.problems().get(0).message().contains("at least one value"));

        SpecException many = assertThrows(SpecException.class, () -> parser.parse("f.yaml", spec(
                "  label-fractions: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0]\n")));
        assertEquals(1, many.problems().size());
        assertTrue(many.problems().get(0).message().contains("more than the limit of 10"));
    }

    @Test
    void defaultFractionsKeepTrialId() {
        // The id and JSON that this config had before ProbeSpec gained label fractions.
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 1,
                new TrainingSpec(1, 64, 0.001, 5000), new ProbeSpec(10000, 2000, 10, 20, 2000));

        assertEquals("{\"dataset\":\"fashion-mnist\",\"encoder\":\"conv-ae-v1\",\"loss\":\"l2\",\"pretext\":\"inpainting\","
                + "\"probe\":{\"epochs\":10,\"knnK\":20,\"testImages\":2000,\"trainImages\":10000,"
                + "\"validationImages\":2000},\"seed\":1,\"training\":{\"batchSize\":64,\"epochs\":1,"
                + "\"learningRate\":0.001,\"pretrainImages\":5000}}", TrialIds.canonicalJson(config));
        assertEquals("t-e6b7693223aa013c", TrialIds.of(config));
    }

    @Test
    void explicitDefaultAndParsedDefaultShareTrialId() {
        ProbeSpec listed = new ProbeSpec(10000, 2000, 10, 20, 2000, List.of(1.0));
        ProbeSpec absent = new ProbeSpec(10000, 2000, 10, 20, 2000, null);

        assertEquals(id(absent), id(listed));
        assertEquals("t-e6b7693223aa013c", id(listed));
    }

    @Test
    void otherFractionsChangeTrialId() {
        ProbeSpec fractions = new ProbeSpec(10000, 2000, 10, 20, 2000, List.of(0.1, 1.0));
        ProbeSpec reordered = new ProbeSpec(10000, 2000, 10, 20, 2000, List.of(1.0, 0.1));

        assertTrue(TrialIds.canonicalJson(config(fractions)).contains("\"labelFractions\":[0.1,1.0]"));
        assertFalse(id(fractions).equals("t-e6b7693223aa013c"));
        assertEquals(id(fractions), id(reordered));
    }

    @Test
    void fractionsSurviveMessageJson() throws Exception {
        TrialConfig config = config(new ProbeSpec(10000, 2000, 10, 20, 2000, List.of(0.01, 1.0)));
        String json = dev.descent.model.message.Json.messages().writeValueAsString(config);

        TrialConfig read = dev.descent.model.message.Json.messages().readValue(json, TrialConfig.class);

        assertEquals(config, read);
        assertEquals(List.of(0.01, 1.0), read.probe().labelFractions());
    }

    @Test
    void oldConfigJsonReadsDefaultFractions() throws Exception {
        String json = "{\"trainImages\":10000,\"testImages\":2000,\"epochs\":10,\"knnK\":20,\"validationImages\":2000}";

        ProbeSpec read = dev.descent.model.message.Json.messages().readValue(json, ProbeSpec.class);

        assertEquals(List.of(1.0), read.labelFractions());
    }

    private static TrialConfig config(ProbeSpec probe) {
        return new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 1,
                new TrainingSpec(1, 64, 0.001, 5000), probe);
    }

    private static String id(ProbeSpec probe) {
        return TrialIds.of(config(probe));
    }
}
