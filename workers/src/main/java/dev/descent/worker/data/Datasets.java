package dev.descent.worker.data;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.descent.model.spec.DatasetFormat;
import dev.descent.model.spec.DatasetSpec;

/**
 * Loads a trial's dataset by the name in its config, such as {@code fashion-mnist}, {@code cifar-10} or
 * {@code image-folder:/data/flowers@32} (see {@link DatasetSpec#trialDataset()}).
 *
 * <p>Each dataset is read once per folder and image side and then kept for the life of the process, so a worker
 * reads the files once however many trials it runs. CIFAR-10 takes about 740 MB of heap as floats.
 */
public final class Datasets {

    private static final Map<Key, LabelledImages> CACHE = new ConcurrentHashMap<>();

    private Datasets() {
    }

    /**
     * Returns a dataset, reading it on first use.
     *
     * @param format the trial config's dataset name; a bare {@code image-folder} resizes to
     *     {@value DatasetSpec#DEFAULT_IMAGE_SIZE} pixels
     * @param folder the folder that contains the dataset's files, from the trial message's {@code datasetPath}
     * @throws IllegalArgumentException when the format is unknown, or when an image-folder name carries a folder
     *     other than {@code folder}
     * @throws DatasetNotFoundException when a file or folder is missing
     * @throws UncheckedIOException naming the file when one cannot be read
     */
    public static LabelledImages load(String format, Path folder) {
        DatasetSpec spec = DatasetSpec.fromTrialDataset(format);
        DatasetFormat known = DatasetFormat.byId(spec.name()).orElseThrow(() -> new IllegalArgumentException(
                "unknown dataset '" + format + "'; this worker reads " + DatasetFormat.ids()));
        Path normalized = folder.toAbsolutePath().normalize();
        if (spec.path() != null && !Path.of(spec.path()).toAbsolutePath().normalize().equals(normalized)) {
            // The folder is part of the trial id, so reading another one would store results under the wrong id.
            throw new IllegalArgumentException("dataset '" + format + "' names the folder " + spec.path()
                    + " but the trial message points to " + folder + "; submit the experiment again");
        }
        return CACHE.computeIfAbsent(new Key(known, normalized, spec.imageSize()), Datasets::read);
    }

    /**
     * Returns the folder to read when a trial message gives none. That is the folder in an image-folder name, else
     * the format's default folder, and empty for an unknown format or a bare {@code image-folder}.
     */
    public static Optional<Path> defaultFolder(String format) {
        DatasetSpec spec = DatasetSpec.fromTrialDataset(format);
        if (spec.path() != null) {
            return Optional.of(Path.of(spec.path()));
        }
        return DatasetFormat.byId(spec.name()).map(DatasetFormat::defaultPath).map(Path::of);
    }

    private static LabelledImages read(Key key) {
        return switch (key.format()) {
            case FASHION_MNIST -> {
                FashionMnist data = FashionMnist.load(key.folder());
                yield new LabelledImages(data.train(), data.test(), FashionMnist.CLASSES, FashionMnist.CLASS_NAMES);
            }
            case CIFAR_10 -> Cifar10.load(key.folder());
            case IMAGE_FOLDER -> ImageFolder.load(key.folder(), key.imageSize());
        };
    }

    private record Key(DatasetFormat format, Path folder, int imageSize) {
    }
}
