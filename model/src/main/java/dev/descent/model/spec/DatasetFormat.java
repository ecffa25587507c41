package dev.descent.model.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The datasets a worker can read, by the name an experiment file uses. */
public enum DatasetFormat {

    /** Zalando's Fashion-MNIST as gzip'd IDX files, installed by Debian's {@code dataset-fashion-mnist}. */
    FASHION_MNIST("fashion-mnist", "/usr/share/datasets/fashion-mnist", 60_000, 1),

    /** CIFAR-10's binary version: {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin}. */
    CIFAR_10("cifar-10", "/usr/share/datasets/cifar-10", 50_000, 3),

    /**
     * The user's own images as {@code train/<class>/*} and {@code test/<class>/*} under a folder, resized to one
     * square side. It has no default folder, and its image count is known only once a worker has read it.
     */
    IMAGE_FOLDER("image-folder", null, 0, 3);

    private final String id;
    private final String defaultPath;
    private final int trainImages;
    private final int channels;

    DatasetFormat(String id, String defaultPath, int trainImages, int channels) {
        this.id = id;
        this.defaultPath = defaultPath;
        this.trainImages = trainImages;
        this.channels = channels;
    }

    /** Returns the colour channels of the dataset's images: 1 for grayscale, 3 for RGB. */
    public int channels() {
        return channels;
    }

    public String id() {
        return id;
    }

    /** Returns the folder read when the experiment gives no {@code dataset.path}, or {@code null} when it must. */
    public String defaultPath() {
        return defaultPath;
    }

    /**
     * Returns the number of images in the dataset's train split, or 0 when it depends on the folder (image-folder).
     */
    public int trainImages() {
        return trainImages;
    }

    public static Optional<DatasetFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DatasetFormat::id).toList();
    }
}
