package dev.descent.model.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The datasets a worker can read, by the name an experiment file uses. */
public enum DatasetFormat {

    /** Zalando's Fashion-MNIST as gzip'd IDX files, installed by Debian's {@code dataset-fashion-mnist}. */
    FASHION_MNIST("fashion-mnist", "/usr/share/datasets/fashion-mnist");

    private final String id;
    private final String defaultPath;

    DatasetFormat(String id, String defaultPath) {
        this.id = id;
        this.defaultPath = defaultPath;
    }

    public String id() {
        return id;
    }

    public String defaultPath() {
        return defaultPath;
    }

    public static Optional<DatasetFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DatasetFormat::id).toList();
    }
}
