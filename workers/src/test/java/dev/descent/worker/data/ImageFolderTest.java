package dev.descent.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    private static final int SIDE = 32;
    private static final int PLANE = SIDE * SIDE;

    @TempDir
    Path folder;

    /** Returns a colour whose three channels differ everywhere, so a swapped channel or axis shows. */
    private static int pattern(int x, int y) {
        return TestImages.rgb(x * 8, y * 8, 255 - (x + y) * 4);
    }

    private Path png(String path, int width, int height, TestImages.Colour colour) throws IOException {
        return TestImages.rgb(folder.resolve(path), "png", width, height, colour);
    }

    private void twoClasses() throws IOException {
        png("train/cat/a.png", SIDE, SIDE, ImageFolderTest::pattern);
        png("train/dog/b.png", SIDE, SIDE, (x, y) -> TestImages.rgb(10, 20, 30));
        png("test/cat/c.png", SIDE, SIDE, (x, y) -> TestImages.rgb(1, 2, 3));
        png("test/dog/d.png", SIDE, SIDE, (x, y) -> TestImages.rgb(4, 5, 6));
    }

    /** Returns the CHW pixels of the train image read from {@code file}. */
    private static float[] trainImage(ImageFolder.Contents contents, Path file) {
        int index = contents.trainFiles().indexOf(file);
        assertTrue(index >= 0, file + " not among " + contents.trainFiles());
        ImageSet train = contents.images().train();
        int size = train.pixelsPerImage();
        return Arrays.copyOfRange(train.pixels(), index * size, (index + 1) * size);
    }

    @Test
    void pngPixelsExactInRgbPlanes() throws IOException {
        twoClasses();

        ImageFolder.Contents contents = ImageFolder.read(folder, SIDE);
        float[] image = trainImage(contents, folder.resolve("train/cat/a.png"));

        assertEquals(3 * PLANE, image.length);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int at = y * SIDE + x;
                assertEquals(x * 8 / 255f, image[at], "red at " + x + "," + y);
                assertEquals(y * 8 / 255f, image[PLANE + at], "green at " + x + "," + y);
                assertEquals((255 - (x + y) * 4) / 255f, image[2 * PLANE + at], "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void shapeClassesAndLabels() throws IOException {
        twoClasses();

        ImageFolder.Contents contents = ImageFolder.read(folder, SIDE);
        LabelledImages images = contents.images();

        assertEquals(List.of("cat", "dog"), images.classNames());
        assertEquals(2, images.classes());
        assertEquals(3, images.train().channels());
        assertEquals(SIDE, images.train().height());
        assertEquals(SIDE, images.train().width());
        assertEquals(2, images.train().size());
        assertEquals(2, images.test().size());
        for (int i = 0; i < 2; i++) {
            String trainClass = contents.trainFiles().get(i).getParent().getFileName().toString();
            String testClass = contents.testFiles().get(i).getParent().getFileName().toString();
            assertEquals(images.classNames().indexOf(trainClass), images.train().label(i));
            assertEquals(images.classNames().indexOf(testClass), images.test().label(i));
        }
    }

    @Test
    void downscaleAveragesBlocks() throws IOException {
        twoClasses();
        // Each 2x2 block of the 64x64 image holds 4 values whose mean is the block's red, green and blue.
        Path large = png("train/cat/large.png", 64, 64, (x, y) -> {
            int offset = (x % 2 == 0 ? -4 : 4) + (y % 2 == 0 ? -2 : 2);
            return TestImages.rgb(x / 2 * 6 + 10 + offset, y / 2 * 6 + 10 + offset, 128 + offset);
        });

        float[] image = trainImage(ImageFolder.read(folder, SIDE), large);

        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int at = y * SIDE + x;
                assertEquals((x * 6 + 10) / 255f, image[at], 1e-6f, "red at " + x + "," + y);
                assertEquals((y * 6 + 10) / 255f, image[PLANE + at], 1e-6f, "green at " + x + "," + y);
                assertEquals(128 / 255f, image[2 * PLANE + at], 1e-6f, "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void upscaleRepeatsPixels() throws IOException {
        twoClasses();
        Path small = png("train/dog/small.png", 16, 16, ImageFolderTest::pattern);

        float[] image = trainImage(ImageFolder.read(folder, SIDE), small);

        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int at = y * SIDE + x;
                assertEquals(x / 2 * 8 / 255f, image[at], 1e-6f, "red at " + x + "," + y);
                assertEquals(y / 2 * 8 / 255f, image[PLANE + at], 1e-6f, "green at " + x + "," + y);
            }
        }
    }

    @Test
    void wideImageStretched() throws IOException {
        twoClasses();
        Path wide = png("train/dog/wide.png", 64, 32, (x, y) -> TestImages.rgb(x % 2 == 0 ? 100 : 200, y, 0));

        float[] image = trainImage(ImageFolder.read(folder, SIDE), wide);

        assertEquals(150 / 255f, image[5 * SIDE + 7], 1e-6f);
        assertEquals(5 / 255f, image[PLANE + 5 * SIDE + 7], 1e-6f);
    }

    @Test
    void jpegDecodedApproximately() throws IOException {
        twoClasses();
        Path jpeg = TestImages.rgb(folder.resolve("train/cat/photo.JPEG"), "jpg", 40, 24,
                (x, y) -> TestImages.rgb(200, 40, 90));
        TestImages.rgb(folder.resolve("test/dog/photo.jpg"), "jpg", 20, 20, (x, y) -> TestImages.rgb(0, 0, 0));

        ImageFolder.Contents contents = ImageFolder.read(folder, SIDE);
        float[] image = trainImage(contents, jpeg);

        assertEquals(3, contents.images().train().size());
        assertEquals(3, contents.images().test().size());
        // JPEG is lossy, so a flat colour comes back within a few levels.
        for (int at = 0; at < PLANE; at++) {
            assertEquals(200 / 255f, image[at], 0.03f, "red at " + at);
            assertEquals(40 / 255f, image[PLANE + at], 0.03f, "green at " + at);
            assertEquals(90 / 255f, image[2 * PLANE + at], 0.03f, "blue at " + at);
        }
    }

    @Test
    void grayscalePngCopiedToThreeChannels() throws IOException {
        twoClasses();
        Path gray = TestImages.gray(folder.resolve("train/cat/gray.png"), BufferedImage.TYPE_BYTE_GRAY, SIDE, SIDE,
                (x, y) -> x * 8 + 1);

        float[] image = trainImage(ImageFolder.read(folder, SIDE), gray);

        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < SIDE; x++) {
                assertEquals((x * 8 + 1) / 255f, image[c * PLANE + 3 * SIDE + x], "channel " + c + " column " + x);
            }
        }
    }

    @Test
    void sixteenBitGrayScaled() throws IOException {
        twoClasses();
        Path gray = TestImages.gray(folder.resolve("train/dog/deep.png"), BufferedImage.TYPE_USHORT_GRAY, SIDE,
                SIDE, (x, y) -> 40_000);

        float[] image = trainImage(ImageFolder.read(folder, SIDE), gray);

        assertEquals(40_000 / 65_535f, image[0]);
        assertEquals(40_000 / 65_535f, image[3 * PLANE - 1]);
    }

    @Test
    void corruptFileNamed() throws IOException {
        twoClasses();
        Path broken = folder.resolve("train/dog/broken.png");
        Files.write(broken, "this is not an image".getBytes());

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> ImageFolder.read(folder, SIDE));

        assertTrue(error.getMessage().contains(broken.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("not a PNG or JPEG image"), error.getMessage());
    }

    @Test
    void truncatedPngNamed() throws IOException {
        twoClasses();
        Path whole = png("train/cat/whole.png", 64, 64, ImageFolderTest::pattern);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = folder.resolve("test/cat/cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> ImageFolder.read(folder, SIDE));

        assertTrue(error.getMessage().contains(cut.toString()), error.getMessage());
    }

    @Test
    void truncatedJpegNamed() throws IOException {
        twoClasses();
        Path whole = TestImages.rgb(folder.resolve("train/cat/whole.jpg"), "jpg", 64, 64, ImageFolderTest::pattern);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(whole, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> ImageFolder.read(folder, SIDE));

        assertTrue(error.getMessage().contains(whole.toString()), error.getMessage());
    }

    @Test
    void unknownTestClassNamed() throws IOException {
        twoClasses();
        png("test/bird/e.png", 8, 8, ImageFolderTest::pattern);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.read(folder, SIDE));

        assertTrue(error.getMessage().contains(folder.resolve("test/bird").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("[cat, dog]"), error.getMessage());
    }

    @Test
    void classMissingFromTestAllowed() throws IOException {
        twoClasses();
        png("train/fox/f.png", 8, 8, ImageFolderTest::pattern);

        LabelledImages images = ImageFolder.load(folder, SIDE);

        assertEquals(List.of("cat", "dog", "fox"), images.classNames());
        assertEquals(3, images.train().size());
        assertEquals(2, images.test().size());
        for (int label : images.test().labels()) {
            assertNotEquals(2, label);
        }
    }

    @Test
    void missingTestFolderNamed() throws IOException {
        png("train/cat/a.png", 8, 8, ImageFolderTest::pattern);
        png("train/dog/a.png", 8, 8, ImageFolderTest::pattern);

        DatasetNotFoundException error = assertThrows(DatasetNotFoundException.class,
                () -> ImageFolder.load(folder, SIDE));

        assertTrue(error.getMessage().contains(folder.resolve("test").toString()), error.getMessage());
    }

    @Test
    void missingFolderNamed() {
        Path absent = folder.resolve("absent");

        DatasetNotFoundException error = assertThrows(DatasetNotFoundException.class,
                () -> ImageFolder.load(absent, SIDE));

        assertTrue(error.getMessage().contains(absent.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("dataset.path"), error.getMessage());
    }

    @Test
    void emptyClassFolderRejected() throws IOException {
        twoClasses();
        Files.createDirectories(folder.resolve("train/empty"));
        Files.write(folder.resolve("train/empty/notes.txt"), "no images".getBytes());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.load(folder, SIDE));

        assertTrue(error.getMessage().contains(folder.resolve("train/empty").toString()), error.getMessage());
    }

    @Test
    void singleClassRejected() throws IOException {
        png("train/cat/a.png", 8, 8, ImageFolderTest::pattern);
        png("test/cat/a.png", 8, 8, ImageFolderTest::pattern);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.load(folder, SIDE));

        assertTrue(error.getMessage().contains("2 or more classes"), error.getMessage());
    }

    @Test
    void sideNotMultipleOfFourRejected() throws IOException {
        twoClasses();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.load(folder, 30));

        assertTrue(error.getMessage().contains("30"), error.getMessage());
    }

    @Test
    void otherAndHiddenFilesSkipped() throws IOException {
        twoClasses();
        Files.write(folder.resolve("train/cat/readme.txt"), "notes".getBytes());
        Files.write(folder.resolve("train/cat/.hidden.png"), "not read".getBytes());
        Files.createDirectories(folder.resolve("train/.cache"));

        LabelledImages images = ImageFolder.load(folder, SIDE);

        assertEquals(2, images.train().size());
        assertEquals(List.of("cat", "dog"), images.classNames());
    }

    @Test
    void orderDeterministicAndMixed() throws IOException {
        for (String name : List.of("Zebra", "ant", "bee")) {
            for (int i = 0; i < 6; i++) {
                int value = name.length() * 40 + i;
                png("train/" + name + "/" + i + ".png", 8, 8, (x, y) -> TestImages.rgb(value, 0, 0));
            }
            png("test/" + name + "/t.png", 8, 8, (x, y) -> TestImages.rgb(0, 0, 0));
        }

        ImageFolder.Contents first = ImageFolder.read(folder, 8);
        ImageFolder.Contents second = ImageFolder.read(folder, 8);

        assertEquals(List.of("Zebra", "ant", "bee"), first.images().classNames());
        assertEquals(first.trainFiles(), second.trainFiles());
        assertArrayEquals(first.images().train().pixels(), second.images().train().pixels());
        assertArrayEquals(first.images().train().labels(), second.images().train().labels());
        int[] labels = first.images().train().labels();
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        assertNotEquals(Arrays.toString(sorted), Arrays.toString(labels), "the train split should be shuffled");
        for (int i = 0; i < labels.length; i++) {
            String className = first.trainFiles().get(i).getParent().getFileName().toString();
            assertEquals(first.images().classNames().indexOf(className), labels[i], "label of image " + i);
        }
    }
}
