package dev.descent.worker.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.TrialMessage;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialIds;
import dev.descent.worker.trial.TrialCancelledException;
import dev.descent.worker.trial.TrialOutcome;
import dev.descent.worker.trial.TrialProgressListener;

class SyntheticTrainerTest {

    private static TrialMessage message(long seed) {
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", seed,
                new TrainingSpec(1, 64, 0.001, 1000), new ProbeSpec(1000, 500, 1, 20));
        return new TrialMessage("e-test", TrialIds.of(config), 1, null, config);
    }

    @Test
    void sleepsAndReportsAccuracyOfTrialId() {
        TrialMessage message = message(1);
        AtomicInteger progress = new AtomicInteger();
        long start = System.nanoTime();
        TrialOutcome outcome = new SyntheticTrainer(200).run(message, new TrialProgressListener() {
            @Override
            public void onProgress(long imagesDone, long imagesTotal, double loss, double imagesPerSecond) {
                progress.incrementAndGet();
            }
        }, () -> false);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis >= 200, "slept only " + millis + " ms");
        assertTrue(progress.get() > 0, "no progress reported");
        assertEquals(SyntheticTrainer.linearProbeAccuracy(message.trialId()), outcome.linearProbeAccuracy());
        assertEquals(SyntheticTrainer.knnAccuracy(message.trialId()), outcome.knnAccuracy());
        assertEquals(SyntheticTrainer.BACKEND, outcome.backend());
    }

    @Test
    void accuracyDependsOnTrialIdOnly() {
        String first = message(1).trialId();
        String second = message(2).trialId();
        double accuracy = SyntheticTrainer.linearProbeAccuracy(first);

        assertEquals(accuracy, SyntheticTrainer.linearProbeAccuracy(first));
        assertTrue(accuracy >= 0.70, "accuracy " + accuracy + " below 0.70");
        assertTrue(accuracy < 0.90, "accuracy " + accuracy + " not below 0.90");
        assertTrue(accuracy != SyntheticTrainer.linearProbeAccuracy(second), "two trial ids gave one accuracy");
    }

    @Test
    void cancelledTrialStops() {
        assertThrows(TrialCancelledException.class,
                () -> new SyntheticTrainer(10_000).run(message(3), TrialProgressListener.NONE, () -> true));
    }

    @Test
    void negativeSleepRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticTrainer(-1));
    }
}
