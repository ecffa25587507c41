package dev.descent.worker.data;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Writes small test images with pixel values given by a function of the position. */
final class TestImages {

    /** The RGB value of a pixel, as {@code 0xRRGGBB}. */
    interface Colour {
        int rgb(int x, int y);
    }

    /** The sample of a grayscale pixel. */
    interface Gray {
        int sample(int x, int y);
    }

    private TestImages() {
    }

    static Path rgb(Path file, String format, int width, int height, Colour colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, colour.rgb(x, y));
            }
        }
        return write(file, format, image);
    }

    static Path gray(Path file, int type, int width, int height, Gray gray) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, gray.sample(x, y));
            }
        }
        return write(file, "png", image);
    }

    static int rgb(int red, int green, int blue) {
        return (red << 16) | (green << 8) | blue;
    }

    private static Path write(Path file, String format, BufferedImage image) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }
}
