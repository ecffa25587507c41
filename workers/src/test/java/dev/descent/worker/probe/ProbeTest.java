package dev.descent.worker.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ProbeTest {

    private static final int CLASSES = 3;
    private static final int COLUMNS = 5;

    /** Three Gaussian clusters centred 4 standard deviations apart on separate axes. */
    private static Features clusters(int rows, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * COLUMNS];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            int label = row % CLASSES;
            labels[row] = label;
            for (int column = 0; column < COLUMNS; column++) {
                double centre = column == label ? 4.0 : 0.0;
                values[row * COLUMNS + column] = (float) (centre + random.nextGaussian() + 10);
            }
        }
        return new Features(values, rows, COLUMNS, labels);
    }

    @Test
    void linearProbeSeparatesClusters() {
        Features train = clusters(300, 1);
        Features test = clusters(150, 2);
        Standardizer standardizer = Standardizer.fit(train);

        double accuracy = new LinearProbe(CLASSES, 20, 1).fitAndScore(standardizer.apply(train),
                standardizer.apply(test));

        assertTrue(accuracy >= 0.97, "accuracy " + accuracy);
    }

    @Test
    void knnSeparatesClusters() {
        Features train = clusters(300, 1);
        Features test = clusters(150, 2);
        Standardizer standardizer = Standardizer.fit(train);

        double accuracy = new KnnClassifier(5, CLASSES).score(standardizer.apply(train), standardizer.apply(test));

        assertTrue(accuracy >= 0.97, "accuracy " + accuracy);
    }

    @Test
    void knnWithOneNeighbourCopiesNearestLabel() {
        Features train = new Features(new float[] {1, 0, 0, 1, -1, 0}, 3, 2, new int[] {0, 1, 2});
        Features test = new Features(new float[] {0.9f, 0.1f, 0.1f, 0.9f, -1, 0.2f}, 3, 2, new int[] {0, 1, 2});

        assertEquals(1.0, new KnnClassifier(1, 3).score(train, test));
    }

    @Test
    void linearProbeIsAtChanceOnRandomLabels() {
        Features train = clusters(300, 1);
        int[] shuffled = new int[150];
        Random random = new Random(9);
        for (int i = 0; i < shuffled.length; i++) {
            shuffled[i] = random.nextInt(CLASSES);
        }
        Features test = clusters(150, 2);
        Features noise = new Features(test.values(), test.rows(), test.columns(), shuffled);
        Standardizer standardizer = Standardizer.fit(train);

        double accuracy = new LinearProbe(CLASSES, 20, 1).fitAndScore(standardizer.apply(train),
                standardizer.apply(noise));

        assertTrue(accuracy < 0.5, "accuracy " + accuracy);
    }

    @Test
    void standardizerCentresAndScales() {
        Features train = clusters(300, 1);
        Features standard = Standardizer.fit(train).apply(train);

        for (int column = 0; column < COLUMNS; column++) {
            double sum = 0;
            double squares = 0;
            for (int row = 0; row < standard.rows(); row++) {
                double value = standard.values()[row * COLUMNS + column];
                sum += value;
                squares += value * value;
            }
            assertEquals(0.0, sum / standard.rows(), 1e-4);
            assertEquals(1.0, squares / standard.rows(), 1e-3);
        }
    }
}
