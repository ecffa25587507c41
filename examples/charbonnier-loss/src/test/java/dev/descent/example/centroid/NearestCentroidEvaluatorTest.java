package dev.descent.example.centroid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import dev.descent.plugin.EvaluatorPlugin;
import dev.descent.plugin.FeatureMatrix;

/** The example evaluator on hand-made two-dimensional features whose nearest means can be worked out by hand. */
class NearestCentroidEvaluatorTest {

    /** Class 0 has mean (0, 0), class 1 has mean (4, 0) and class 2 has mean (0, 4). */
    private static final FeatureMatrix TRAIN = new FeatureMatrix(new float[] {
        -1, 0, 1, 0,
        3, 0, 5, 0,
        0, 3, 0, 5},
            6, 2, new int[] {0, 0, 1, 1, 2, 2}, 3);

    private final NearestCentroidEvaluator evaluator = new NearestCentroidEvaluator();

    @Test
    void nearestMeanPredictsClass() {
        FeatureMatrix test = new FeatureMatrix(new float[] {
            0.5f, 0.5f,
            3.5f, 0.2f,
            0.1f, 3.9f,
            1.8f, 0.1f},
                4, 2, new int[] {0, 1, 2, 0}, 3);

        assertEquals(1.0, evaluator.score(TRAIN, test, 1), 1e-12);
    }

    @Test
    void wrongRowsLowerAccuracy() {
        // (2.1, 0) is nearer to class 1's mean (4, 0) than to class 0's (0, 0), and (3, 3) is nearest to class 1.
        FeatureMatrix test = new FeatureMatrix(new float[] {
            2.1f, 0,
            0, 0,
            3, 3,
            0, 4},
                4, 2, new int[] {0, 0, 2, 2}, 3);

        assertEquals(0.5, evaluator.score(TRAIN, test, 1), 1e-12);
    }

    @Test
    void tieGoesToLowerClass() {
        FeatureMatrix test = new FeatureMatrix(new float[] {2, 0}, 1, 2, new int[] {0}, 3);

        assertEquals(1.0, evaluator.score(TRAIN, test, 1), 1e-12);
    }

    @Test
    void classWithoutTrainRowsNeverPredicted() {
        FeatureMatrix train = new FeatureMatrix(new float[] {0, 0, 4, 0}, 2, 2, new int[] {0, 2}, 3);
        FeatureMatrix test = new FeatureMatrix(new float[] {0, 0, 4, 0}, 2, 2, new int[] {1, 2}, 3);

        assertEquals(0.5, evaluator.score(train, test, 1), 1e-12);
    }

    @Test
    void columnMismatchRejected() {
        FeatureMatrix test = new FeatureMatrix(new float[] {0, 0, 0}, 1, 3, new int[] {0}, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> evaluator.score(TRAIN, test, 1));
        assertTrue(error.getMessage().contains("3 columns"), error.getMessage());
    }

    @Test
    void listedAsServiceProvider() {
        boolean found = ServiceLoader.load(EvaluatorPlugin.class).stream()
                .anyMatch(provider -> provider.type() == NearestCentroidEvaluator.class);

        assertTrue(found, "META-INF/services/dev.descent.plugin.EvaluatorPlugin lists NearestCentroidEvaluator");
        assertEquals("nearest-centroid", evaluator.definition().name());
    }
}
