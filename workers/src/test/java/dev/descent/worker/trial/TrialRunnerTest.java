package dev.descent.worker.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.worker.backend.Backend;
import org.junit.jupiter.api.Test;

class TrialRunnerTest {

    private static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    private static TrialConfig config(String pretext, String loss, int epochs, int pretrainImages) {
        return new TrialConfig("fashion-mnist", "conv-ae-v1", pretext, loss, 11,
                new TrainingSpec(epochs, 64, 1e-3, pretrainImages), new ProbeSpec(1000, 500, 10, 10, 500));
    }

    private static void assertFraction(Double value, String name) {
        assertNotNull(value, name);
        assertTrue(value >= 0, name + " " + value);
        assertTrue(value <= 1, name + " " + value);
    }

    @Test
    void shortTrainingLowersLossAndBeatsChance() {
        List<Double> losses = new ArrayList<>();
        AtomicInteger evaluating = new AtomicInteger();
        TrialProgressListener listener = new TrialProgressListener() {
            @Override
            public void onProgress(long imagesDone, long imagesTotal, double loss, double imagesPerSecond) {
                losses.add(loss);
                assertEquals(2 * 1280, imagesTotal);
            }

            @Override
            public void onEvaluating() {
                evaluating.incrementAndGet();
            }
        };

        TrialOutcome outcome = new TrialRunner().run("test", config("inpainting", "l2", 2, 1280), FOLDER, listener,
                () -> false);

        assertEquals(40, losses.size());
        double first = losses.subList(0, 3).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(37, 40).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(last < 0.7 * first, "loss went from " + first + " to " + last);
        assertEquals(1, evaluating.get());
        assertTrue(outcome.linearProbeAccuracy() > 0.5, "linear probe " + outcome.linearProbeAccuracy());
        assertTrue(outcome.knnAccuracy() > 0.5, "kNN " + outcome.knnAccuracy());
        assertTrue(outcome.randomEncoderLinearProbeAccuracy() > 0.3, "random " + outcome);
        assertTrue(outcome.finalPretextLoss() > 0, "final loss " + outcome.finalPretextLoss());
        assertTrue(outcome.finalPretextLoss() < first, "final loss " + outcome.finalPretextLoss());
        assertTrue(outcome.imagesPerSecond() > 0);
        assertEquals("CPU (nd4j-native, oneDNN helpers on)", outcome.backend());
        assertFraction(outcome.validationLinearProbeAccuracy(), "validation linear probe");
        assertFraction(outcome.validationKnnAccuracy(), "validation kNN");
        assertTrue(outcome.validationLinearProbeAccuracy() > 0.5, outcome.toString());

        // 40 batches are fewer than the recorder's target, so the curve has one point per batch.
        assertEquals(40, outcome.lossCurve().size());
        assertEquals(64, outcome.lossCurve().get(0).images());
        assertEquals(2 * 1280, outcome.lossCurve().get(39).images());
        assertEquals(losses.get(0), outcome.lossCurve().get(0).loss(), 1e-12);
        assertEquals(losses.get(39), outcome.lossCurve().get(39).loss(), 1e-12);
    }

    @Test
    void trainedEncoderBeatsUntrainedAtQuickstartScale() {
        // The quickstart budget; inpainting with l2 at seed 1 measured 0.834 trained against 0.809 untrained.
        TrialConfig quickstart = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 1,
                new TrainingSpec(1, 64, 1e-3, 5000), new ProbeSpec(5000, 2000, 10, 20));

        TrialOutcome outcome = new TrialRunner().run("quickstart", quickstart, FOLDER, TrialProgressListener.NONE,
                () -> false);

        assertTrue(outcome.linearProbeAccuracy() > outcome.randomEncoderLinearProbeAccuracy(), outcome.toString());
        assertTrue(outcome.knnAccuracy() > outcome.randomEncoderKnnAccuracy(), outcome.toString());
        assertTrue(outcome.linearProbeAccuracy() > 0.75, outcome.toString());
    }

    @Test
    void newLossesTrainAndStayFinite() {
        for (String loss : List.of("huber", "huber(delta=0.1)", "bce", "sum(1.0*l2,0.5*l1)")) {
            List<Double> losses = new ArrayList<>();
            TrialProgressListener listener = new TrialProgressListener() {
                @Override
                public void onProgress(long imagesDone, long imagesTotal, double batchLoss, double imagesPerSecond) {
                    losses.add(batchLoss);
                }
            };

            TrialOutcome outcome = new TrialRunner().run("loss-" + loss, config("inpainting", loss, 1, 2000), FOLDER,
                    listener, () -> false);
            System.out.printf("%s, 2,000 images: first batch loss %.5f, final loss %.5f, linear probe %.4f"
                            + " (untrained %.4f), kNN %.4f, validation linear probe %.4f, kNN %.4f, %.0f images/s%n",
                    loss, losses.get(0), outcome.finalPretextLoss(), outcome.linearProbeAccuracy(),
                    outcome.randomEncoderLinearProbeAccuracy(), outcome.knnAccuracy(),
                    outcome.validationLinearProbeAccuracy(), outcome.validationKnnAccuracy(),
                    outcome.imagesPerSecond());

            assertTrue(losses.stream().allMatch(Double::isFinite), loss + " " + losses);
            assertTrue(Double.isFinite(outcome.finalPretextLoss()), loss + " " + outcome);
            assertTrue(outcome.finalPretextLoss() < losses.get(0), loss + " did not learn: " + outcome);
            assertTrue(outcome.linearProbeAccuracy() > 0.5, loss + " " + outcome);
            assertFraction(outcome.validationLinearProbeAccuracy(), loss + " validation linear probe");
            assertFraction(outcome.validationKnnAccuracy(), loss + " validation kNN");
        }
    }

    @Test
    void invalidLossIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TrialRunner()
                .run("test", config("inpainting", "huber(delta=7)", 1, 64), FOLDER, TrialProgressListener.NONE,
                        () -> false));

        assertTrue(error.getMessage().contains("huber(delta=7)"), error.getMessage());
        assertTrue(error.getMessage().contains("from 0.001 to 1"), error.getMessage());
    }

    @Test
    void oneDnnHelpersAreOn() {
        Backend.initialise();

        assertTrue(Backend.helpersEnabled());
    }

    @Test
    void cancellationStopsTraining() {
        AtomicInteger checks = new AtomicInteger();

        assertThrows(TrialCancelledException.class, () -> new TrialRunner().run("test",
                config("denoising", "l1", 1, 640), FOLDER, TrialProgressListener.NONE,
                () -> checks.incrementAndGet() > 3));
    }

    @Test
    void unknownPretextIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TrialRunner()
                .run("test", config("jigsaw", "l2", 1, 64), FOLDER, TrialProgressListener.NONE, () -> false));

        assertTrue(error.getMessage().contains("jigsaw"), error.getMessage());
    }
}
