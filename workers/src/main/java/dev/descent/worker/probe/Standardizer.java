package dev.descent.worker.probe;

/**
 * Per-feature standardisation to zero mean and unit variance, fitted on the probe's train features and applied
 * unchanged to its test features. Features with (near) zero variance are only centred.
 */
public final class Standardizer {

    private static final double MIN_STD = 1e-6;

    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Computes each column's mean and standard deviation. */
    public static Standardizer fit(Features train) {
        int columns = train.columns();
        double[] mean = new double[columns];
        double[] squares = new double[columns];
        float[] values = train.values();
        for (int row = 0; row < train.rows(); row++) {
            int base = row * columns;
            for (int column = 0; column < columns; column++) {
                double value = values[base + column];
                mean[column] += value;
                squares[column] += value * value;
            }
        }
        double[] scale = new double[columns];
        for (int column = 0; column < columns; column++) {
            mean[column] /= train.rows();
            double variance = Math.max(0, squares[column] / train.rows() - mean[column] * mean[column]);
            double std = Math.sqrt(variance);
            scale[column] = std < MIN_STD ? 1.0 : 1.0 / std;
        }
        return new Standardizer(mean, scale);
    }

    /** Returns standardised copies of the features. */
    public Features apply(Features features) {
        int columns = features.columns();
        if (columns != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " columns, got " + columns);
        }
        float[] values = features.values();
        float[] result = new float[values.length];
        for (int row = 0; row < features.rows(); row++) {
            int base = row * columns;
            for (int column = 0; column < columns; column++) {
                result[base + column] = (float) ((values[base + column] - mean[column]) * scale[column]);
            }
        }
        return new Features(result, features.rows(), columns, features.labels());
    }
}
