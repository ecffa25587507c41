package dev.descent.worker.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Converts a decoded image into RGB floats in [0, 1], channel-major (CHW). */
final class RgbPixels {

    static final int CHANNELS = 3;

    private RgbPixels() {
    }

    /**
     * Returns the image's red, green and blue planes, each row-major, in one array of {@code 3 * height * width}.
     * Alpha is dropped, not blended. Grayscale images are copied to all three planes from the raster's samples,
     * because {@link BufferedImage#getRGB} treats Java's gray colour space as linear and brightens mid-tones
     * (an 8-bit 128 comes back as 188 on OpenJDK 17).
     */
    static float[] of(BufferedImage image) {
        int height = image.getHeight();
        int width = image.getWidth();
        int plane = height * width;
        float[] pixels = new float[CHANNELS * plane];
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel)) {
            Raster raster = image.getRaster();
            float max = (1 << model.getComponentSize(0)) - 1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float gray = raster.getSample(x, y, 0) / max;
                    int at = y * width + x;
                    pixels[at] = gray;
                    pixels[plane + at] = gray;
                    pixels[2 * plane + at] = gray;
                }
            }
            return pixels;
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int at = y * width + x;
                pixels[at] = ((argb >> 16) & 0xFF) / 255f;
                pixels[plane + at] = ((argb >> 8) & 0xFF) / 255f;
                pixels[2 * plane + at] = (argb & 0xFF) / 255f;
            }
        }
        return pixels;
    }
}
