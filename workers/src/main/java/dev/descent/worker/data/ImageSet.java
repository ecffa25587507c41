package dev.descent.worker.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images with pixels as floats in [0, 1], stored image after image. Each image is channel-major (CHW):
 * all rows of channel 0, then of channel 1, and so on, so a batch of images reads as NCHW. Within a channel the
 * pixels are row-major.
 *
 * <p>The arrays are shared, not copied: callers must not modify them.
 */
public final class ImageSet {

    private final float[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;

    /**
     * Creates a single-channel (grayscale) image set.
     *
     * @param pixels {@code labels.length * height * width} pixel values in [0, 1]
     * @param labels the class of each image
     * @param height rows per image
     * @param width columns per image
     */
    public ImageSet(float[] pixels, int[] labels, int height, int width) {
        this(pixels, labels, 1, height, width);
    }

    /**
     * Creates an image set.
     *
     * @param pixels {@code labels.length * channels * height * width} pixel values in [0, 1], each image in CHW
     *     order
     * @param labels the class of each image
     * @param channels colour channels per image: 1 for grayscale, 3 for RGB
     * @param height rows per image
     * @param width columns per image
     * @throws IllegalArgumentException when a size is below 1 or the pixel count does not match the sizes
     */
    public ImageSet(float[] pixels, int[] labels, int channels, int height, int width) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("invalid image shape " + channels + "x" + height + "x" + width
                    + ": channels, height and width must be 1 or more");
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("expected " + labels.length + " images of " + channels + "x" + height
                    + "x" + width + " pixels, got " + pixels.length + " pixel values");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    /** Returns the colour channels per image: 1 for grayscale, 3 for RGB. */
    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Returns the number of values in one image: channels x height x width. */
    public int pixelsPerImage() {
        return channels * height * width;
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
        return new ImageSet(slicePixels, sliceLabels, channels, height, width);
    }

    /** Returns the last {@code count} images as a copy. */
    public ImageSet tail(int count) {
        return slice(size() - count, count);
    }
}
