package dev.descent.worker.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CIFAR-10's binary version. Each record of a {@code .bin} file is 1 label byte (0-9) followed by 3,072 pixel
 * bytes: 1,024 red, then 1,024 green, then 1,024 blue, each a row-major 32x32 plane. That is already the CHW order
 * of {@link ImageSet}, so the bytes are only scaled to [0, 1].
 *
 * <p>The train split is {@code data_batch_1.bin} to {@code data_batch_5.bin} in that order, and the test split
 * {@code test_batch.bin}. The files may lie in the given folder or in its {@code cifar-10-batches-bin/} subfolder,
 * the layout of the unpacked archive. A file may hold any whole number of records.
 */
public final class Cifar10 {

    /** The image height and width in pixels. */
    public static final int SIDE = 32;

    /** The number of classes. */
    public static final int CLASSES = 10;

    /** The colour channels: red, green and blue. */
    public static final int CHANNELS = 3;

    /** The class names of {@code batches.meta.txt}, used when that file is absent. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    /** The archive's subfolder, also searched for the files. */
    public static final String SUBFOLDER = "cifar-10-batches-bin";

    private static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    private static final String TEST_FILE = "test_batch.bin";
    private static final String META_FILE = "batches.meta.txt";
    private static final String DOWNLOAD = "https://www.cs.toronto.edu/~kriz/cifar.html";
    private static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    private static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    private static final Logger LOG = LoggerFactory.getLogger(Cifar10.class);

    private Cifar10() {
    }

    /**
     * Reads both splits and the class names.
     *
     * @param folder the folder that contains the {@code .bin} files, directly or in {@value #SUBFOLDER}
     * @throws DatasetNotFoundException naming the folder and the first missing file
     * @throws UncheckedIOException naming the file when one cannot be read or is not a CIFAR-10 batch
     */
    public static LabelledImages load(Path folder) {
        Path files = locate(folder);
        LOG.info("Reading CIFAR-10 from {}", files);
        try {
            ImageSet train = readSplit(files, TRAIN_FILES);
            ImageSet test = readSplit(files, List.of(TEST_FILE));
            LOG.info("Read CIFAR-10 from {}: {} train and {} test images", files, train.size(), test.size());
            return new LabelledImages(train, test, CLASSES, classNames(files));
        }
        catch (IOException e) {
            throw new UncheckedIOException("failed to read CIFAR-10 from " + files + ": " + e.getMessage(), e);
        }
    }

    /** Returns the folder with the batches: the given folder, or its subfolder when only that one contains them. */
    private static Path locate(Path folder) {
        List<String> all = new ArrayList<>(TRAIN_FILES);
        all.add(TEST_FILE);
        Path nested = folder.resolve(SUBFOLDER);
        Path files = Files.isRegularFile(folder.resolve(TEST_FILE)) || !Files.isDirectory(nested) ? folder : nested;
        for (String name : all) {
            if (!Files.isRegularFile(files.resolve(name))) {
                throw new DatasetNotFoundException("CIFAR-10 file not found: " + files.resolve(name) + " (searched "
                        + folder + " and " + nested + "). Download the binary version (cifar-10-binary.tar.gz) from "
                        + DOWNLOAD + ", unpack it, and set dataset.path in the experiment file to the folder that "
                        + "contains " + SUBFOLDER + "/ or the .bin files");
            }
        }
        return files;
    }

    private static ImageSet readSplit(Path folder, List<String> names) throws IOException {
        List<byte[]> contents = new ArrayList<>(names.size());
        long records = 0;
        for (String name : names) {
            Path file = folder.resolve(name);
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
                throw new IOException(file + " has " + bytes.length + " bytes, not a whole number of "
                        + RECORD_BYTES + "-byte records (1 label byte and 3,072 pixel bytes); is it the binary "
                        + "version of CIFAR-10?");
            }
            contents.add(bytes);
            records += bytes.length / RECORD_BYTES;
        }
        int count = Math.toIntExact(records);
        float[] pixels = new float[Math.multiplyExact(count, IMAGE_BYTES)];
        int[] labels = new int[count];
        int image = 0;
        for (int part = 0; part < contents.size(); part++) {
            byte[] bytes = contents.get(part);
            for (int offset = 0; offset < bytes.length; offset += RECORD_BYTES, image++) {
                int label = bytes[offset] & 0xFF;
                if (label >= CLASSES) {
                    throw new IOException("invalid label " + label + " in record " + (offset / RECORD_BYTES) + " of "
                            + folder.resolve(names.get(part)) + "; expected 0 to 9");
                }
                labels[image] = label;
                int base = image * IMAGE_BYTES;
                for (int i = 0; i < IMAGE_BYTES; i++) {
                    pixels[base + i] = (bytes[offset + 1 + i] & 0xFF) / 255f;
                }
            }
        }
        return new ImageSet(pixels, labels, CHANNELS, SIDE, SIDE);
    }

    /** Returns the names in {@code batches.meta.txt}, one a line with blank lines skipped, or the standard names. */
    private static List<String> classNames(Path folder) throws IOException {
        Path meta = folder.resolve(META_FILE);
        if (!Files.isRegularFile(meta)) {
            return CLASS_NAMES;
        }
        List<String> names = Files.readAllLines(meta).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.size() != CLASSES) {
            throw new IOException(meta + " lists " + names.size() + " class names, expected " + CLASSES
                    + "; fix or delete it to use the standard names");
        }
        return names;
    }
}
