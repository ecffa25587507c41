package dev.descent.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The {@code losses} and {@code probe.validation-images} fields of an experiment file. */
class LossYamlTest {

    private final SpecParser parser = new SpecParser(100);

    private static String file(String losses) {
        return """
                name: x
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: %s
                seeds: [1]
                """.formatted(losses);
    }

    @Test
    void everyFormParsesToCanonicalStrings() {
        ExperimentSpec spec = parser.parse("ok.yaml", """
                name: x
                dataset: fashion-mnist
                pretext: [inpainting]
                losses:
                  - l2
                  - huber
                  - bce
                  - {huber: {delta: 0.1}}
                  - huber(delta=0.5)
                  - sum: [{l2: 1.0}, {l1: 0.5}]
                  - sum:
                      - huber: {weight: 2, delta: 0.05}
                      - bce: 1e-1
                seeds: [1]
                """);

        assertEquals(List.of("l2", "huber", "bce", "huber(delta=0.1)", "huber(delta=0.5)", "sum(1.0*l2,0.5*l1)",
                "sum(2.0*huber(delta=0.05),0.1*bce)"), spec.losses());
    }

    @Test
    void defaultParameterKeepsPlainName() {
        ExperimentSpec spec = parser.parse("ok.yaml", file("[l1, {huber: {delta: 1.0}}]"));

        assertEquals(List.of("l1", "huber"), spec.losses());
    }

    @Test
    void sameLossTwiceIsRejected() {
        SpecProblem problem = single(file("[huber, {huber: {delta: 1}}]"));

        assertEquals("losses", problem.field());
        assertEquals("huber", problem.value());
        assertTrue(problem.message().contains("listed twice"), problem.message());
    }

    @Test
    void parameterOutOfRangeNamesFieldAndRange() {
        SpecProblem problem = single(file("[{huber: {delta: 5}}]"));

        assertEquals(4, problem.line());
        assertEquals("losses.huber.delta", problem.field());
        assertEquals("5", problem.value());
        assertTrue(problem.message().contains("out of range; must be from 0.001 to 1"), problem.message());
    }

    @Test
    void misspeltParameterGetsSuggestion() {
        SpecProblem problem = single(file("[{huber: {dleta: 0.1}}]"));

        assertEquals("losses.huber.dleta", problem.field());
        assertTrue(problem.message().contains("did you mean 'delta'?"), problem.message());
        assertTrue(problem.message().contains("allowed parameters are [delta]"), problem.message());
    }

    @Test
    void parameterOnLossWithoutParametersIsRejected() {
        SpecProblem problem = single(file("[{l2: {delta: 0.1}}]"));

        assertEquals("losses.l2.delta", problem.field());
        assertTrue(problem.message().contains("l2 has no parameters"), problem.message());
    }

    @Test
    void misspeltLossInSumGetsSuggestion() {
        SpecProblem problem = single(file("[{sum: [{l2: 1.0}, {hubr: 0.5}]}]"));

        assertEquals("losses.sum", problem.field());
        assertEquals("hubr", problem.value());
        assertTrue(problem.message().contains("did you mean 'huber'?"), problem.message());
    }

    @Test
    void invalidSumsAreRejected() {
        List<List<String>> cases = List.of(
                List.of("[{sum: [{l2: 1.0}]}]", "a sum takes 2 to 8 terms"),
                List.of("[{sum: [{l2: 1.0}, {sum: [{l1: 1}, {bce: 1}]}]}]", "sums do not nest"),
                List.of("[{sum: [{l2: 1.0}, {l2: 0.5}]}]", "listed twice in the sum"),
                List.of("[{sum: [{l2: 0}, {l1: 0.5}]}]", "from 0.001 to 1000"),
                List.of("[{sum: [{l2: 1e999}, {l1: 0.5}]}]", "out of range"),
                List.of("[{sum: [{l2: .inf}, {l1: 0.5}]}]", "must be a number"),
                List.of("[{sum: [{l2: 1.0}, {huber: {delta: 0.1}}]}]", "give the term's weight"),
                List.of("[{sum: [l2, {l1: 0.5}]}]", "each term must be a mapping"),
                List.of("[sum]", "a sum needs its terms"),
                List.of("[{l2: 1, l1: 2}]", "exactly one key"),
                List.of("['sum(1.0*l2)']", "2 to 8 terms"));
        for (List<String> entry : cases) {
            SpecProblem problem = single(file(entry.get(0)));
            assertTrue(problem.message().contains(entry.get(1)), entry.get(0) + ": " + problem.describe());
        }
    }

    @Test
    void validationImagesDefaultAndOverride() {
        assertEquals(2000, parser.parse("ok.yaml", file("[l2]")).probe().validationImages());

        ExperimentSpec spec = parser.parse("ok.yaml", file("[l2]") + """
                probe:
                  train-images: 50000
                  validation-images: 10000
                """);
        assertEquals(new ProbeSpec(50000, 2000, 10, 20, 10000), spec.probe());
    }

    @Test
    void validationImagesMustFitBesideTrainImages() {
        SpecProblem problem = single(file("[l2]") + """
                probe:
                  train-images: 55000
                  validation-images: 6000
                """);

        assertEquals(8, problem.line());
        assertEquals("probe.validation-images", problem.field());
        assertTrue(problem.message().contains("probe.train-images (55000)"), problem.message());
        assertTrue(problem.message().contains("probe.validation-images (6000)"), problem.message());
        assertTrue(problem.message().contains("60000"), problem.message());
    }

    @Test
    void validationImagesMustBePositive() {
        SpecProblem problem = single(file("[l2]") + """
                probe:
                  validation-images: 0
                """);

        assertEquals("probe.validation-images", problem.field());
        assertTrue(problem.message().contains("from 1 to 60000"), problem.message());
    }

    private SpecProblem single(String yaml) {
        SpecException error = assertThrows(SpecException.class, () -> parser.parse("bad.yaml", yaml));
        assertEquals(1, error.problems().size(), error.getMessage());
        return error.problems().get(0);
    }
}
