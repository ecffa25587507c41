package dev.descent.worker.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.trial.TrialConfig;
import org.junit.jupiter.api.Test;

/**
 * Checks the evaluation pipeline against published numbers. The Fashion-MNIST benchmark (Xiao, Rasul and Vollgraf,
 * arXiv:1708.07747, scikit-learn classifiers trained on all 60,000 training images and scored on the 10,000 test
 * images) reports about 0.84 for multinomial logistic regression on raw pixels and about 0.85 to 0.86 for k-nearest
 * neighbours. Descent's probes, with the default probe settings, must land within 1.5 points of those figures.
 */
class RawPixelLiteratureTest {

    private static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    private static final double TOLERANCE = 0.015;
    private static final double PUBLISHED_LOGISTIC_REGRESSION = 0.84;
    private static final double PUBLISHED_KNN_LOW = 0.85;
    private static final double PUBLISHED_KNN_HIGH = 0.86;

    @Test
    void rawPixelProbesMatchPublishedBenchmark() {
        // The spec defaults: 10 probe epochs and k = 20, on the full train and test splits, so no validation images.
        TrialConfig config = new TrialConfig("fashion-mnist", null, "baseline", "raw-pixels", 1, null,
                new ProbeSpec(60000, 10000, 10, 20, 0));

        TrialOutcome outcome = new TrialRunner().run("literature", config, FOLDER, TrialProgressListener.NONE,
                () -> false);
        System.out.printf("raw pixels, 60,000 train / 10,000 test: linear probe %.4f, kNN %.4f, %.1f s%n",
                outcome.linearProbeAccuracy(), outcome.knnAccuracy(), outcome.evaluationSeconds());

        assertEquals(PUBLISHED_LOGISTIC_REGRESSION, outcome.linearProbeAccuracy(), TOLERANCE, "linear probe");
        double knn = outcome.knnAccuracy();
        double distance = knn < PUBLISHED_KNN_LOW ? PUBLISHED_KNN_LOW - knn : Math.max(0, knn - PUBLISHED_KNN_HIGH);
        assertEquals(0, distance, TOLERANCE, "kNN " + knn + " against 0.85 to 0.86");
    }
}
