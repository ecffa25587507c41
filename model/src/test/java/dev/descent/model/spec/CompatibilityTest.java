package dev.descent.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Submission-time rejection of a loss that cannot train a pretext task, and of colour tasks on grayscale data. */
class CompatibilityTest {

    private static List<SpecProblem> problems(String dataset, String pretext, String losses) {
        String yaml = """
                name: compatibility
                dataset: %s
                pretext: [%s]
                losses: %s
                seeds: [1]
                """.formatted(dataset, pretext, losses);
        return assertThrows(SpecException.class, () -> new SpecParser(100).parse("exp.yaml", yaml)).problems();
    }

    @Test
    void pixelLossOnRotationRejected() {
        List<SpecProblem> problems = problems("fashion-mnist", "rotation", "[ce, l2]");

        assertEquals(1, problems.size(), problems.toString());
        String message = problems.get(0).message();
        assertTrue(message.contains("loss l2 cannot train pretext task rotation"), message);
        assertTrue(message.contains("losses for rotation are [ce]"), message);
        assertEquals(4, problems.get(0).line(), "the losses line");
    }

    @Test
    void classLossOnAnImageTaskIsRejected() {
        String message = problems("fashion-mnist", "inpainting", "[ce]").get(0).message();

        assertTrue(message.contains("loss ce cannot train pretext task inpainting, which predicts an image"), message);
        assertTrue(message.contains("adversarial"), "the valid losses include adversarial: " + message);
    }

    @Test
    void colorizationOnGrayscaleRejected() {
        List<SpecProblem> problems = problems("fashion-mnist", "colorization", "[l2, binned-ce]");
        assertEquals("pretext", problems.get(0).field(), "the problem is the task on this dataset, not a loss");

        assertEquals(1, problems.size(), "one problem for the pair of task and dataset: " + problems);
        String message = problems.get(0).message();
        assertTrue(message.contains("pretext task colorization needs RGB images, and dataset fashion-mnist is "
                + "grayscale"), message);
        assertTrue(message.contains("cifar-10"), message);
        assertTrue(message.contains("inpainting"), message);
    }

    @Test
    void binnedCrossEntropyIsNotSummed() {
        String message = problems("fashion-mnist", "inpainting", "[{sum: [{l2: 1.0}, {binned-ce: 1.0}]}]").get(0)
                .message();

        assertTrue(message.contains("train binned-ce on its own"), message);
    }

    @Test
    void compatiblePairsParse() {
        String yaml = """
                name: compatible
                dataset: {name: cifar-10, path: /tmp}
                pretext: [colorization, inpainting, super-resolution]
                losses: [l2, binned-ce, adversarial, {sum: [{l2: 1.0}, {adversarial: 0.001}]}]
                seeds: [1]
                """;

        ExperimentSpec spec = new SpecParser(100).parse("exp.yaml", yaml);

        assertEquals(4, spec.losses().size());
        assertEquals(List.of("sum(1.0*l2,0.001*adversarial)"), spec.losses().subList(3, 4));
    }
}
