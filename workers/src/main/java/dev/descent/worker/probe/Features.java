package dev.descent.worker.probe;

/**
 * A row-major feature matrix with one label per row.
 *
 * @param values {@code rows * columns} values
 * @param rows examples
 * @param columns features per example
 * @param labels the class of each row, from 0 to {@code classes - 1}
 */
public record Features(float[] values, int rows, int columns, int[] labels) {

    public Features {
        if ((long) rows * columns != values.length || labels.length != rows) {
            throw new IllegalArgumentException("expected " + rows + "x" + columns + " values and " + rows
                    + " labels, got " + values.length + " values and " + labels.length + " labels");
        }
    }
}
