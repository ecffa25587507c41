package dev.descent.plugin;

/**
 * Frozen features of labelled images, row after row.
 *
 * @param values {@code rows * columns} values, row-major; shared, not copied, so callers must not change them
 * @param rows the number of images
 * @param columns the number of features per image
 * @param labels the class of each image
 * @param classes the number of classes
 */
public record FeatureMatrix(float[] values, int rows, int columns, int[] labels, int classes) {
}
