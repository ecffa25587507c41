package dev.descent.worker.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled single-channel images stored row-major, image after image, with pixels as floats in [0, 1].
 *
 * <p>The arrays are shared, not copied: callers must not modify them.
 */
public final class ImageSet {

    private final float[] pixels;
    private final int[] labels;
    private final int height;
    private final int width;

    /**
     * Creates an image set.
     *
     * @param pixels {@code labels.length * height * width} pixel values in [0, 1]
     * @param labels the class of each image
     * @param height rows per image
     * @param width columns per image
     */
    public ImageSet(float[] pixels, int[] labels, int height, int width) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * height * width != pixels.length) {
            throw new IllegalArgumentException("expected " + labels.length + " images of " + height + "x" + width
                    + " pixels, got " + pixels.length + " pixel values");
        }
        this.height = height;
        this.width = width;
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Returns the number of pixels in one image. */
    public int pixelsPerImage() {
        return height * width;
    }

    /** Returns the shared pixel array; see the class comment. */
    public float[] pixels() {
        return pixels;
    }

    /** Returns the shared label array; see the class comment. */
    public int[] labels() {
        return labels;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Returns a copy of the images {@code [from, from + count)}. */
    public ImageSet slice(int from, int count) {
        if (from < 0 || count < 0 || from + count > size()) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + (from + count) + ") of " + size()
                    + " images");
        }
        int n = pixelsPerImage();
        float[] slicePixels = Arrays.copyOfRange(pixels, from * n, (from + count) * n);
        int[] sliceLabels = Arrays.copyOfRange(labels, from, from + count);
        return new ImageSet(slicePixels, sliceLabels, height, width);
    }

    /** Returns the last {@code count} images as a copy. */
    public ImageSet tail(int count) {
        return slice(size() - count, count);
    }
}
