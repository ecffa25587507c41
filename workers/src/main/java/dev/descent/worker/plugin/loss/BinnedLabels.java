package dev.descent.worker.plugin.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Quantizes image targets in [0, 1] into one-hot bins, {@code bins} output channels per target channel. */
final class BinnedLabels {

    private BinnedLabels() {
    }

    /** Returns the bin of a value: {@code floor(value * bins)}, with 1 in the top bin and values clamped to [0, 1]. */
    static int bin(double value, int bins) {
        double clamped = Math.min(1.0, Math.max(0.0, value));
        return Math.min(bins - 1, (int) Math.floor(clamped * bins));
    }

    /**
     * Turns {@code [examples, channels, height, width]} targets into {@code [examples, channels * bins, height, width]}
     * one-hot labels, where channel {@code c * bins + k} is 1 where target channel c falls in bin k.
     */
    static INDArray oneHot(INDArray target, int bins) {
        long examples = target.size(0);
        int channels = (int) target.size(1);
        int height = (int) target.size(2);
        int width = (int) target.size(3);
        float[] values = target.dup('c').data().asFloat();
        int plane = height * width;
        float[] labels = new float[(int) (examples * channels * bins * plane)];
        for (int example = 0; example < examples; example++) {
            for (int channel = 0; channel < channels; channel++) {
                int source = (example * channels + channel) * plane;
                int firstBin = (example * channels + channel) * bins * plane;
                for (int pixel = 0; pixel < plane; pixel++) {
                    int k = bin(values[source + pixel], bins);
                    labels[firstBin + k * plane + pixel] = 1f;
                }
            }
        }
        return Nd4j.create(labels, new long[] {examples, (long) channels * bins, height, width}, 'c');
    }
}
