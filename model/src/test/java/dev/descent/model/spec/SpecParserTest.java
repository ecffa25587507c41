package dev.descent.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpecParserTest {

    private final SpecParser parser = new SpecParser(100);

    private static final String VALID = """
            name: tiny
            dataset:
              name: fashion-mnist
              path: /data/fm
            pretext: [inpainting, denoising]
            losses: [l2, l1]
            seeds: [7, 8, 9]
            training:
              epochs: 2
              batch-size: 32
              learning-rate: 0.01
              pretrain-images: 1000
            probe:
              train-images: 500
              test-images: 200
              epochs: 5
              knn-k: 10
            """;

    @Test
    void validSpecParsesEveryField() {
        ExperimentSpec spec = parser.parse("tiny.yaml", VALID);

        assertEquals("tiny", spec.name());
        assertEquals(new DatasetSpec("fashion-mnist", "/data/fm"), spec.dataset());
        assertEquals(List.of("inpainting", "denoising"), spec.pretextTasks());
        assertEquals(List.of("l2", "l1"), spec.losses());
        assertEquals(List.of(7L, 8L, 9L), spec.seeds());
        assertEquals(new TrainingSpec(2, 32, 0.01, 1000), spec.training());
        assertEquals(new ProbeSpec(500, 200, 5, 10), spec.probe());
        assertEquals(12, spec.trialCount());
    }

    @Test
    void omittedSectionsTakeDefaults() {
        ExperimentSpec spec = parser.parse("min.yaml", """
                name: min
                dataset: fashion-mnist
                pretext: inpainting
                losses: [l2]
                seeds: [1]
                """);

        assertNull(spec.dataset().path());
        assertEquals(new TrainingSpec(1, 64, 0.001, 5000), spec.training());
        assertEquals(new ProbeSpec(10000, 2000, 10, 20), spec.probe());
    }

    @Test
    void shippedExperimentsAreValid() throws IOException {
        for (String file : List.of("quickstart.yaml", "reconstruction-losses.yaml")) {
            Path path = Path.of("..", "experiments", file);
            ExperimentSpec spec = parser.parse(file, Files.readString(path));
            assertTrue(spec.trialCount() >= 4, file + " should expand to at least 2 losses x 2 pretext tasks");
        }
    }

    @Test
    void unknownLossNamesLineValueAndChoices() {
        SpecProblem problem = single("""
                name: x
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2, l3]
                seeds: [1]
                """);

        assertEquals("bad.yaml", problem.source());
        assertEquals(4, problem.line());
        assertEquals("losses", problem.field());
        assertEquals("l3", problem.value());
        assertTrue(problem.message().contains("[l2, l1, huber, bce, binned-ce, adversarial, ce"), problem.message());
        assertTrue(problem.message().contains("did you mean 'l2'?"), problem.message());
        assertTrue(problem.describe().startsWith("bad.yaml:4: losses: "), problem.describe());
    }

    @Test
    void misspeltKeyGetsSuggestion() {
        SpecProblem problem = single("""
                name: x
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2]
                seeds: [1]
                training:
                  batch_size: 10
                """);

        assertEquals(7, problem.line());
        assertEquals("training.batch_size", problem.field());
        assertTrue(problem.message().contains("did you mean 'batch-size'?"), problem.message());
    }

    @Test
    void outOfRangeAndWrongTypeNameTheRange() {
        SpecException error = assertThrows(SpecException.class, () -> parser.parse("bad.yaml", """
                name: x
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2]
                seeds: [1]
                training:
                  batch-size: 0
                  learning-rate: fast
                """));

        assertEquals(2, error.problems().size());
        SpecProblem batch = error.problems().get(0);
        assertEquals("training.batch-size", batch.field());
        assertEquals(7, batch.line());
        assertTrue(batch.message().contains("from 1 to 4096"), batch.message());
        SpecProblem rate = error.problems().get(1);
        assertEquals("training.learning-rate", rate.field());
        assertEquals("fast", rate.value());
    }

    @Test
    void missingFieldsAreAllReported() {
        SpecException error = assertThrows(SpecException.class, () -> parser.parse("bad.yaml", "name: x\n"));

        List<String> fields = error.problems().stream().map(SpecProblem::field).toList();
        assertEquals(List.of("dataset", "pretext", "losses", "seeds"), fields);
    }

    @Test
    void duplicateSeedAndDuplicateKeyAreRejected() {
        assertEquals("seeds", single("""
                name: x
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2]
                seeds: [1, 1]
                """).field());

        SpecProblem duplicateKey = single("""
                name: x
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2]
                losses: [l1]
                seeds: [1]
                """);
        assertEquals(5, duplicateKey.line());
        assertEquals("losses", duplicateKey.field());
        assertTrue(duplicateKey.message().contains("duplicate key"), duplicateKey.message());
    }

    @Test
    void malformedYamlNamesTheLine() {
        SpecProblem problem = single("name: x\npretext: [inpainting\nlosses: [l2]\n");

        assertTrue(problem.line() >= 2, "line was " + problem.line());
        assertTrue(problem.message().startsWith("invalid YAML"), problem.message());
    }

    @Test
    void gridOverCapIsRejected() {
        SpecParser small = new SpecParser(3);
        SpecException error = assertThrows(SpecException.class, () -> small.parse("big.yaml", VALID));

        assertTrue(error.getMessage().contains("12 trials, more than the limit of 3"), error.getMessage());
    }

    @Test
    void aliasBombIsRejected() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            yaml.append(("*" + previous + ", ").repeat(9)).append('*').append(previous).append("]\n");
        }

        SpecProblem problem = single(yaml.toString());
        assertTrue(problem.message().startsWith("invalid YAML"), problem.message());
    }

    @Test
    void emptyFileAndScalarRootAreRejected() {
        assertTrue(single("").message().contains("empty"));
        assertTrue(single("just text").message().contains("mapping"));
    }

    private SpecProblem single(String yaml) {
        SpecException error = assertThrows(SpecException.class, () -> parser.parse("bad.yaml", yaml));
        assertEquals(1, error.problems().size(), error.getMessage());
        return error.problems().get(0);
    }
}
