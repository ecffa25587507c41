package dev.descent.worker.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the user's own images laid out one folder per class: {@code train/<class>/*.png|jpg|jpeg} and
 * {@code test/<class>/*}. The classes are the subfolders of {@code train/} sorted by name (Java's {@link String}
 * order, so {@code B} sorts before {@code a}), and a class's label is its position in that order. {@code test/} may
 * lack a class but must not add one.
 *
 * <p>Every image becomes RGB (grayscale is copied to the three channels, alpha is dropped) and is resized to one
 * square side by area averaging, stretching images that are not square (see {@link AreaResize}).
 *
 * <p>The order is deterministic: files are sorted by class and then by name, then shuffled with a fixed seed. The
 * shuffle matters because a trial pretrains on the first images of the train split and validates on its last ones,
 * which in class order would hold only the last classes. Hidden files and files of other extensions are skipped.
 */
public final class ImageFolder {

    /** The file extensions read, compared without case. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg");

    /** The seed of the fixed shuffle; changing it changes which images every trial uses. */
    static final long SHUFFLE_SEED = 42L;

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolder.class);
    private static final int PROGRESS_EVERY = 2_000;

    private ImageFolder() {
    }

    /**
     * Reads both splits.
     *
     * @param folder the folder that contains {@code train/} and {@code test/}
     * @param side the square side in pixels that every image is resized to; a multiple of 4
     * @throws DatasetNotFoundException when the folder, {@code train/} or {@code test/} is missing
     * @throws IllegalArgumentException when the side is invalid, a class folder is empty, {@code test/} has a
     *     class that {@code train/} lacks, or there are too many pixels for one array
     * @throws UncheckedIOException naming the file when an image cannot be read
     */
    public static LabelledImages load(Path folder, int side) {
        return read(folder, side).images();
    }

    /** Reads both splits and returns the files in the order of their images, for tests. */
    static Contents read(Path folder, int side) {
        if (side < 4 || side % 4 != 0) {
            throw new IllegalArgumentException("invalid image side " + side + ": must be a positive multiple of 4, "
                    + "because the encoder halves the side twice");
        }
        Path trainFolder = existingFolder(folder, "train");
        Path testFolder = existingFolder(folder, "test");
        List<String> classes = classFolders(trainFolder);
        if (classes.size() < 2) {
            throw new IllegalArgumentException(trainFolder + " has " + classes.size() + " class folders " + classes
                    + "; add a subfolder of images for each of 2 or more classes");
        }
        for (String name : classFolders(testFolder)) {
            if (!classes.contains(name)) {
                throw new IllegalArgumentException("unknown class folder " + testFolder.resolve(name) + ": "
                        + trainFolder + " has no class '" + name + "'; its classes are " + classes
                        + ". Rename or remove the folder, or add the class to train/");
            }
        }
        List<LabelledFile> trainFiles = listFiles(trainFolder, classes, true);
        List<LabelledFile> testFiles = listFiles(testFolder, classes, false);
        LOG.info("Reading image folder {}: {} classes, {} train and {} test images, resized to {}x{}", folder,
                classes.size(), trainFiles.size(), testFiles.size(), side, side);
        ImageSet train = decode(trainFiles, side, "train", folder);
        ImageSet test = decode(testFiles, side, "test", folder);
        LabelledImages images = new LabelledImages(train, test, classes.size(), classes);
        return new Contents(images, paths(trainFiles), paths(testFiles));
    }

    /**
     * The images of a folder with the files they came from.
     *
     * @param images both splits
     * @param trainFiles the file of each train image, in image order
     * @param testFiles the file of each test image, in image order
     */
    record Contents(LabelledImages images, List<Path> trainFiles, List<Path> testFiles) {
    }

    private record LabelledFile(Path file, int label) {
    }

    private static Path existingFolder(Path folder, String split) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetNotFoundException("image folder not found: " + folder + ". Set dataset.path in the "
                    + "experiment file to a folder that contains train/<class>/ and test/<class>/");
        }
        Path path = folder.resolve(split);
        if (!Files.isDirectory(path)) {
            throw new DatasetNotFoundException("image folder " + folder + " has no " + split + "/ subfolder: "
                    + path + " is missing. Put the images in " + split + "/<class>/, one subfolder per class");
        }
        return path;
    }

    /** Returns the names of the visible subfolders, sorted. */
    private static List<String> classFolders(Path split) {
        try (Stream<Path> entries = Files.list(split)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("failed to list " + split + ": " + e.getMessage(), e);
        }
    }

    private static List<LabelledFile> listFiles(Path split, List<String> classes, boolean everyClass) {
        List<LabelledFile> files = new ArrayList<>();
        int skipped = 0;
        for (int label = 0; label < classes.size(); label++) {
            Path classFolder = split.resolve(classes.get(label));
            if (!Files.isDirectory(classFolder)) {
                LOG.warn("{} has no folder for class '{}', so the {} split has no images of it", split,
                        classes.get(label), split.getFileName());
                continue;
            }
            List<Path> entries = sortedEntries(classFolder);
            int before = files.size();
            for (Path entry : entries) {
                if (isImage(entry)) {
                    files.add(new LabelledFile(entry, label));
                }
                else if (!entry.getFileName().toString().startsWith(".")) {
                    skipped++;
                }
            }
            if (everyClass && files.size() == before) {
                throw new IllegalArgumentException("class folder " + classFolder + " contains no ." + String.join(
                        ", .", EXTENSIONS) + " files; add images or remove the folder");
            }
        }
        if (skipped > 0) {
            LOG.warn("Skipped {} entries in {} that are not .png, .jpg or .jpeg files", skipped, split);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(split + " contains no ." + String.join(", .", EXTENSIONS)
                    + " files in its class folders; add test images");
        }
        shuffle(files);
        return files;
    }

    private static List<Path> sortedEntries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("failed to list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isImage(Path entry) {
        String name = entry.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (name.startsWith(".") || dot < 0 || !Files.isRegularFile(entry)) {
            return false;
        }
        return EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Shuffles in place with Fisher-Yates on {@link Random}, whose sequence for a seed the JDK specifies. */
    private static void shuffle(List<LabelledFile> files) {
        Random random = new Random(SHUFFLE_SEED);
        for (int i = files.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            LabelledFile swap = files.get(i);
            files.set(i, files.get(j));
            files.set(j, swap);
        }
    }

    private static ImageSet decode(List<LabelledFile> files, int side, String split, Path folder) {
        int perImage = RgbPixels.CHANNELS * side * side;
        long total = (long) files.size() * perImage;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the " + split + " split of " + folder + " has " + files.size()
                    + " images of " + side + "x" + side + " RGB pixels, more values than one Java array holds; "
                    + "lower dataset.image-size or use fewer images");
        }
        float[] pixels = new float[(int) total];
        int[] labels = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            LabelledFile file = files.get(i);
            float[] image = ImageFileDecoder.decode(file.file(), side);
            System.arraycopy(image, 0, pixels, i * perImage, perImage);
            labels[i] = file.label();
            if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < files.size()) {
                LOG.info("Read {} of {} {} images from {}", i + 1, files.size(), split, folder);
            }
        }
        LOG.info("Read {} of {} {} images from {}", files.size(), files.size(), split, folder);
        return new ImageSet(pixels, labels, RgbPixels.CHANNELS, side, side);
    }

    private static List<Path> paths(List<LabelledFile> files) {
        return files.stream().map(LabelledFile::file).toList();
    }
}
