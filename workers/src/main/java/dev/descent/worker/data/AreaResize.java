package dev.descent.worker.data;

import java.util.Arrays;

/**
 * Resizes channel-major images by area averaging: each output pixel is the mean of the source area it covers, and a
 * source pixel that the area covers only in part counts with the covered fraction. The two axes scale independently,
 * so an image that is not square is stretched to the square rather than cropped. When enlarging, this repeats source
 * pixels and blends only where an output pixel straddles two of them.
 */
final class AreaResize {

    private AreaResize() {
    }

    /**
     * Returns {@code channels} planes of {@code side x side} pixels resized from planes of {@code height x width}.
     * An image that already has the side is returned unchanged.
     */
    static float[] toSquare(float[] pixels, int channels, int height, int width, int side) {
        if (height == side && width == side) {
            return pixels;
        }
        Weights rows = Weights.of(height, side);
        Weights columns = Weights.of(width, side);
        float[] resized = new float[channels * side * side];
        double[] rowMix = new double[width];
        for (int c = 0; c < channels; c++) {
            int source = c * height * width;
            int target = c * side * side;
            for (int y = 0; y < side; y++) {
                Arrays.fill(rowMix, 0);
                for (int k = rows.start[y]; k < rows.start[y + 1]; k++) {
                    int from = source + rows.index[k] * width;
                    double weight = rows.weight[k];
                    for (int x = 0; x < width; x++) {
                        rowMix[x] += weight * pixels[from + x];
                    }
                }
                for (int x = 0; x < side; x++) {
                    double sum = 0;
                    for (int k = columns.start[x]; k < columns.start[x + 1]; k++) {
                        sum += columns.weight[k] * rowMix[columns.index[k]];
                    }
                    resized[target + y * side + x] = (float) sum;
                }
            }
        }
        return resized;
    }

    /**
     * The source pixels and weights of each output pixel along one axis, in compressed-row form: output {@code i}
     * uses entries {@code start[i]} to {@code start[i + 1] - 1}. The weights of each output pixel sum to 1.
     */
    private record Weights(int[] start, int[] index, double[] weight) {

        static Weights of(int sourceLength, int targetLength) {
            double scale = (double) sourceLength / targetLength;
            int[] start = new int[targetLength + 1];
            int capacity = targetLength * ((int) Math.ceil(scale) + 2);
            int[] index = new int[capacity];
            double[] weight = new double[capacity];
            int entries = 0;
            for (int i = 0; i < targetLength; i++) {
                start[i] = entries;
                double low = i * scale;
                double high = (i + 1) * scale;
                int first = (int) Math.floor(low);
                int last = Math.min(sourceLength - 1, (int) Math.ceil(high) - 1);
                for (int j = first; j <= last; j++) {
                    double overlap = Math.min(high, j + 1) - Math.max(low, j);
                    if (overlap > 0) {
                        index[entries] = j;
                        weight[entries] = overlap / scale;
                        entries++;
                    }
                }
            }
            start[targetLength] = entries;
            return new Weights(start, index, weight);
        }
    }
}
