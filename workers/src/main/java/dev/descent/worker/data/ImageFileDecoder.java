package dev.descent.worker.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file with {@link ImageIO} into RGB floats of a square side. The decoder is picked by the file's
 * content, not its extension, so a JPEG file named {@code .png} still decodes.
 */
final class ImageFileDecoder {

    /** The largest image decoded, in pixels: it guards against files that decode into gigabytes. */
    static final long MAX_SOURCE_PIXELS = 50_000_000L;

    private ImageFileDecoder() {
    }

    /**
     * Returns the file's image as {@code 3 * side * side} floats in CHW order, resized by {@link AreaResize}.
     *
     * @throws UncheckedIOException naming the file when it cannot be read, is no image or is corrupt
     */
    static float[] decode(Path file, int side) {
        BufferedImage image;
        try {
            image = read(file);
        }
        catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("failed to read image " + file + ": " + describe(e)
                    + "; replace or delete the file", e));
        }
        float[] pixels = RgbPixels.of(image);
        return AreaResize.toSquare(pixels, RgbPixels.CHANNELS, image.getHeight(), image.getWidth(), side);
    }

    private static BufferedImage read(Path file) throws IOException {
        try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("not a PNG or JPEG image (no image decoder recognises its content)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_SOURCE_PIXELS) {
                    throw new IOException(reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels is more than "
                            + "the limit of " + MAX_SOURCE_PIXELS + "; shrink the image first");
                }
                // Decoders report some damage, such as a truncated JPEG, as a warning and return a partial image.
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new IOException("the image is damaged: " + String.join("; ", warnings));
                }
                return image;
            }
            finally {
                reader.dispose();
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
