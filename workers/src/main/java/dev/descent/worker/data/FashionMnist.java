package dev.descent.worker.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fashion-MNIST's train and test splits, read from the four gzip'd IDX files in one folder.
 *
 * <p>{@link #load(Path)} caches each folder's data for the life of the process, so a worker reads the files once
 * however many trials it runs.
 *
 * @param train the 60,000 training images
 * @param test the 10,000 test images
 */
public record FashionMnist(ImageSet train, ImageSet test) {

    /** The image height and width in pixels. */
    public static final int SIDE = 28;

    /** The number of classes. */
    public static final int CLASSES = 10;

    /** The class names, indexed by label, as Zalando's Fashion-MNIST repository lists them. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final Map<Path, FashionMnist> CACHE = new ConcurrentHashMap<>();

    /**
     * Returns the dataset in a folder, reading it on first use.
     *
     * @param folder the folder that contains {@code train-images-idx3-ubyte.gz} and the other three files
     * @throws DatasetNotFoundException if a file is missing
     * @throws UncheckedIOException if a file cannot be read or is not a valid IDX file
     */
    public static FashionMnist load(Path folder) {
        return CACHE.computeIfAbsent(folder.toAbsolutePath().normalize(), FashionMnist::read);
    }

    private static FashionMnist read(Path folder) {
        try {
            ImageSet train = readSplit(folder, "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
            ImageSet test = readSplit(folder, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
            return new FashionMnist(train, test);
        }
        catch (IOException e) {
            throw new UncheckedIOException("failed to read Fashion-MNIST from " + folder + ": " + e.getMessage(), e);
        }
    }

    private static ImageSet readSplit(Path folder, String imagesName, String labelsName) throws IOException {
        Path imagesFile = existing(folder.resolve(imagesName));
        Path labelsFile = existing(folder.resolve(labelsName));
        int[] dimensions = new int[3];
        float[] pixels = IdxReader.readImages(imagesFile, dimensions);
        int[] labels = IdxReader.readLabels(labelsFile);
        if (dimensions[0] != labels.length) {
            throw new IOException(imagesFile + " has " + dimensions[0] + " images but " + labelsFile + " has "
                    + labels.length + " labels");
        }
        for (int label : labels) {
            if (label < 0 || label >= CLASSES) {
                throw new IOException("invalid label " + label + " in " + labelsFile + "; expected 0 to 9");
            }
        }
        return new ImageSet(pixels, labels, dimensions[1], dimensions[2]);
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetNotFoundException(file);
        }
        return file;
    }
}
