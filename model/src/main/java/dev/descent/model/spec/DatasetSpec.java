package dev.descent.model.spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The labelled image set that a trial pretrains on and probes with.
 *
 * <p>A trial config names its dataset with {@link #trialDataset()}. For the fixed datasets that is the format's
 * name, so the ids of their trials do not depend on where the files lie. For image-folder it also carries the folder
 * and the image side, as in {@code image-folder:/data/flowers@32}, because two folders or two sides are different
 * data and must not share trial ids or stored results.
 *
 * @param name one of {@link DatasetFormat}'s names, such as {@code fashion-mnist}
 * @param path the folder that contains the dataset's files, or {@code null} for the format's default folder
 * @param imageSize the square side in pixels that image-folder resizes every image to; 0 for the other formats,
 *     whose images have a fixed size
 */
public record DatasetSpec(String name, String path, int imageSize) {

    /** The side that image-folder resizes to when the experiment gives no {@code dataset.image-size}. */
    public static final int DEFAULT_IMAGE_SIZE = 32;

    private static final String FOLDER_PREFIX = DatasetFormat.IMAGE_FOLDER.id() + ":";

    /** Creates the spec of a dataset whose images have a fixed size. */
    public DatasetSpec(String name, String path) {
        this(name, path, 0);
    }

    /**
     * Returns the dataset's name in a trial config: the format's name, or for image-folder
     * {@code image-folder:<normalised absolute folder>@<side>}.
     *
     * @throws IllegalStateException for image-folder without a path, which {@link SpecParser} rejects
     */
    public String trialDataset() {
        if (!DatasetFormat.IMAGE_FOLDER.id().equals(name)) {
            return name;
        }
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("image-folder needs dataset.path, the folder that contains train/ and "
                    + "test/");
        }
        int side = imageSize > 0 ? imageSize : DEFAULT_IMAGE_SIZE;
        return FOLDER_PREFIX + Path.of(path).toAbsolutePath().normalize() + "@" + side;
    }

    /**
     * Parses a trial config's dataset name, the inverse of {@link #trialDataset()}. A bare {@code image-folder}
     * gets no path and {@value #DEFAULT_IMAGE_SIZE} pixels.
     *
     * @throws IllegalArgumentException naming the value when it is an image-folder name without a valid folder
     *     and side
     */
    public static DatasetSpec fromTrialDataset(String dataset) {
        if (DatasetFormat.IMAGE_FOLDER.id().equals(dataset)) {
            return new DatasetSpec(dataset, null, DEFAULT_IMAGE_SIZE);
        }
        if (dataset == null || !dataset.startsWith(FOLDER_PREFIX)) {
            return new DatasetSpec(dataset, null);
        }
        String rest = dataset.substring(FOLDER_PREFIX.length());
        int at = rest.lastIndexOf('@');
        String folder = at < 0 ? "" : rest.substring(0, at);
        int side;
        try {
            side = at < 0 ? -1 : Integer.parseInt(rest.substring(at + 1));
            Path.of(folder);
        }
        catch (NumberFormatException | InvalidPathException e) {
            side = -1;
        }
        if (folder.isEmpty() || side <= 0) {
            throw new IllegalArgumentException("invalid dataset '" + dataset + "': expected "
                    + FOLDER_PREFIX + "<folder>@<side>, such as " + FOLDER_PREFIX + "/data/flowers@32");
        }
        return new DatasetSpec(DatasetFormat.IMAGE_FOLDER.id(), folder, side);
    }
}
