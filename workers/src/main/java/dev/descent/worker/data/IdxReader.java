package dev.descent.worker.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads gzip'd IDX files, the format of MNIST and Fashion-MNIST: a big-endian magic number whose third byte is the
 * element type (0x08 for unsigned bytes) and fourth the number of dimensions, then one 32-bit size per dimension,
 * then the data.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * Reads an image file into floats scaled from [0, 255] to [0, 1].
     *
     * @param file a gzip'd IDX file of unsigned bytes with three dimensions (images, rows, columns)
     * @return the pixels, image after image; {@code dimensions} receives the three sizes
     * @throws IOException if the file cannot be read or is not such an IDX file
     */
    public static float[] readImages(Path file, int[] dimensions) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] sizes = readHeader(in, file, 3);
            System.arraycopy(sizes, 0, dimensions, 0, 3);
            int count = Math.multiplyExact(Math.multiplyExact(sizes[0], sizes[1]), sizes[2]);
            byte[] raw = new byte[count];
            in.readFully(raw);
            float[] pixels = new float[count];
            for (int i = 0; i < count; i++) {
                pixels[i] = (raw[i] & 0xFF) / 255f;
            }
            return pixels;
        }
    }

    /**
     * Reads a label file.
     *
     * @param file a gzip'd IDX file of unsigned bytes with one dimension
     * @return the labels
     * @throws IOException if the file cannot be read or is not such an IDX file
     */
    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] sizes = readHeader(in, file, 1);
            byte[] raw = new byte[sizes[0]];
            in.readFully(raw);
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    }

    private static int[] readHeader(DataInputStream in, Path file, int expectedDimensions) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xFF;
        int dimensions = magic & 0xFF;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dimensions != expectedDimensions) {
            throw new IOException(String.format("invalid IDX header in %s: magic 0x%08x, expected unsigned bytes"
                    + " (type 0x08) with %d dimensions", file, magic, expectedDimensions));
        }
        int[] sizes = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            sizes[i] = in.readInt();
            if (sizes[i] < 0) {
                throw new IOException("invalid IDX header in " + file + ": negative size " + sizes[i]);
            }
        }
        return sizes;
    }
}
