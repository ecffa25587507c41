package dev.descent.plugin;

/**
 * The shape of one image: channels (1 grayscale, 3 RGB), rows and columns. Pixels are stored channel after channel,
 * each channel row-major, with values in [0, 1].
 *
 * @param channels colour channels
 * @param height rows
 * @param width columns
 */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("invalid image shape " + channels + "x" + height + "x" + width
                    + "; channels, rows and columns must be 1 or more");
        }
    }

    /** Returns the number of values in one image. */
    public int size() {
        return channels * height * width;
    }

    /** Returns the same rows and columns with another channel count. */
    public ImageShape withChannels(int otherChannels) {
        return new ImageShape(otherChannels, height, width);
    }
}
