package dev.descent.example.centroid;

import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.plugin.EvaluatorPlugin;
import dev.descent.plugin.FeatureMatrix;

/**
 * An example evaluator plug-in, {@code nearest-centroid}: computes the mean feature vector of each class on the train
 * features and assigns each scored row the class of the nearest mean by Euclidean distance. Classes without train
 * rows have no mean and are never predicted. A row at equal distance from two means gets the lower class. The
 * evaluator draws nothing at random, so it ignores the seed.
 */
public final class NearestCentroidEvaluator implements EvaluatorPlugin {

    /** The evaluator's name in the worker catalog and in trial results. */
    public static final String NAME = "nearest-centroid";

    private static final EvaluatorDefinition DEFINITION = new EvaluatorDefinition(NAME, "1.0",
            "Nearest class mean by Euclidean distance on the frozen, standardised features.");

    @Override
    public EvaluatorDefinition definition() {
        return DEFINITION;
    }

    /**
     * Fits the class means on {@code train} and returns the share of {@code test} rows whose nearest mean is their
     * own class.
     *
     * @throws IllegalArgumentException if the two matrices differ in columns, or either has no rows
     */
    @Override
    public double score(FeatureMatrix train, FeatureMatrix test, long seed) {
        if (train.columns() != test.columns()) {
            throw new IllegalArgumentException("train features have " + train.columns() + " columns but scored "
                    + "features have " + test.columns() + " columns; both must come from the same encoder");
        }
        if (train.rows() == 0 || test.rows() == 0) {
            throw new IllegalArgumentException("expected at least one train and one scored row, got "
                    + train.rows() + " and " + test.rows());
        }
        int classes = Math.max(train.classes(), Math.max(maxLabel(train), maxLabel(test)) + 1);
        int columns = train.columns();
        double[] means = new double[classes * columns];
        int[] counts = new int[classes];
        for (int row = 0; row < train.rows(); row++) {
            int label = train.labels()[row];
            counts[label]++;
            for (int column = 0; column < columns; column++) {
                means[label * columns + column] += train.values()[row * columns + column];
            }
        }
        for (int label = 0; label < classes; label++) {
            for (int column = 0; column < columns && counts[label] > 0; column++) {
                means[label * columns + column] /= counts[label];
            }
        }
        int correct = 0;
        for (int row = 0; row < test.rows(); row++) {
            if (nearest(test, row, means, counts) == test.labels()[row]) {
                correct++;
            }
        }
        return (double) correct / test.rows();
    }

    /** Returns the class whose mean is nearest to the row, among the classes with train rows. */
    private static int nearest(FeatureMatrix features, int row, double[] means, int[] counts) {
        int columns = features.columns();
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int label = 0; label < counts.length; label++) {
            if (counts[label] == 0) {
                continue;
            }
            double distance = 0;
            for (int column = 0; column < columns; column++) {
                double difference = features.values()[row * columns + column] - means[label * columns + column];
                distance += difference * difference;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = label;
            }
        }
        return best;
    }

    private static int maxLabel(FeatureMatrix features) {
        int max = 0;
        for (int label : features.labels()) {
            max = Math.max(max, label);
        }
        return max;
    }
}
