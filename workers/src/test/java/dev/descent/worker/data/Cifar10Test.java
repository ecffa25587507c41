package dev.descent.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

    private static final int RECORD = 3073;
    private static final List<String> TRAIN = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");

    /** Returns the pixel byte at {@code offset} (0 to 3071) of the record {@code image} of the file {@code batch}. */
    static int pixelByte(int batch, int image, int offset) {
        return (offset * 7 + image * 31 + batch * 101) & 0xFF;
    }

    static int label(int batch, int image) {
        return (batch * 3 + image) % 10;
    }

    /** Writes {@code images} records to each batch file, batch 0 to 4 for train and 5 for test. */
    static void writeBatches(Path folder, int images) throws IOException {
        Files.createDirectories(folder);
        for (int batch = 0; batch < 6; batch++) {
            byte[] bytes = new byte[images * RECORD];
            for (int image = 0; image < images; image++) {
                bytes[image * RECORD] = (byte) label(batch, image);
                for (int offset = 0; offset < 3072; offset++) {
                    bytes[image * RECORD + 1 + offset] = (byte) pixelByte(batch, image, offset);
                }
            }
            String name = batch < 5 ? TRAIN.get(batch) : "test_batch.bin";
            Files.write(folder.resolve(name), bytes);
        }
    }

    @Test
    void readsPixelsAndLabelsExactly(@TempDir Path folder) throws IOException {
        writeBatches(folder, 2);

        LabelledImages data = Cifar10.load(folder);

        assertEquals(10, data.train().size());
        assertEquals(2, data.test().size());
        assertEquals(3, data.channels());
        assertEquals(32, data.train().height());
        assertEquals(32, data.train().width());
        assertEquals(10, data.classes());
        for (int batch = 0; batch < 5; batch++) {
            for (int image = 0; image < 2; image++) {
                int index = batch * 2 + image;
                assertEquals(label(batch, image), data.train().label(index), "label of train image " + index);
                for (int offset : new int[] {0, 1, 1023, 1024, 2047, 2048, 3071}) {
                    assertEquals(pixelByte(batch, image, offset) / 255f,
                            data.train().pixels()[index * 3072 + offset], "train image " + index + " value " + offset);
                }
            }
        }
        assertEquals(label(5, 1), data.test().label(1));
        assertEquals(pixelByte(5, 1, 1500) / 255f, data.test().pixels()[3072 + 1500]);
    }

    @Test
    void channelPlanesFollowRedGreenBlue(@TempDir Path folder) throws IOException {
        writeBatches(folder, 1);
        byte[] test = new byte[RECORD];
        test[0] = 3;
        test[1 + 5] = (byte) 255;          // red plane, row 0, column 5
        test[1 + 1024 + 32] = (byte) 128;  // green plane, row 1, column 0
        test[1 + 2048 + 1023] = 1;         // blue plane, last pixel
        Files.write(folder.resolve("test_batch.bin"), test);

        ImageSet images = Cifar10.load(folder).test();

        assertEquals(3, images.label(0));
        assertEquals(1f, images.pixels()[5]);
        assertEquals(128 / 255f, images.pixels()[1024 + 32]);
        assertEquals(1 / 255f, images.pixels()[2048 + 1023]);
        assertEquals(0f, images.pixels()[0]);
    }

    @Test
    void archiveSubfolderAndMetaNames(@TempDir Path folder) throws IOException {
        Path nested = folder.resolve("cifar-10-batches-bin");
        writeBatches(nested, 1);
        List<String> names = List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
        Files.write(nested.resolve("batches.meta.txt"), (String.join("\n", names) + "\n\n").getBytes());

        LabelledImages data = Cifar10.load(folder);

        assertEquals(5, data.train().size());
        assertEquals(names, data.classNames());
    }

    @Test
    void standardNamesWithoutMeta(@TempDir Path folder) throws IOException {
        writeBatches(folder, 1);

        List<String> names = Cifar10.load(folder).classNames();

        assertEquals("airplane", names.get(0));
        assertEquals("truck", names.get(9));
    }

    @Test
    void missingBatchNamesFileAndDownload(@TempDir Path folder) throws IOException {
        writeBatches(folder, 1);
        Files.delete(folder.resolve("data_batch_3.bin"));

        DatasetNotFoundException error = assertThrows(DatasetNotFoundException.class, () -> Cifar10.load(folder));

        String message = error.getMessage();
        assertTrue(message.contains(folder.resolve("data_batch_3.bin").toString()), message);
        assertTrue(message.contains("cifar-10-binary.tar.gz"), message);
        assertTrue(message.contains("https://www.cs.toronto.edu/~kriz/cifar.html"), message);
        assertTrue(message.contains("dataset.path"), message);
    }

    @Test
    void emptyFolderNamesFirstBatch(@TempDir Path folder) {
        DatasetNotFoundException error = assertThrows(DatasetNotFoundException.class, () -> Cifar10.load(folder));

        assertTrue(error.getMessage().contains("data_batch_1.bin"), error.getMessage());
        assertTrue(error.getMessage().contains(folder.toString()), error.getMessage());
    }

    @Test
    void truncatedBatchRejected(@TempDir Path folder) throws IOException {
        writeBatches(folder, 2);
        byte[] bytes = Files.readAllBytes(folder.resolve("data_batch_2.bin"));
        Files.write(folder.resolve("data_batch_2.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 10));

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> Cifar10.load(folder));

        assertTrue(error.getMessage().contains("data_batch_2.bin"), error.getMessage());
        assertTrue(error.getMessage().contains("binary version"), error.getMessage());
    }

    @Test
    void labelAboveNineRejected(@TempDir Path folder) throws IOException {
        writeBatches(folder, 1);
        byte[] bytes = Files.readAllBytes(folder.resolve("test_batch.bin"));
        bytes[0] = 10;
        Files.write(folder.resolve("test_batch.bin"), bytes);

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> Cifar10.load(folder));

        assertTrue(error.getMessage().contains("invalid label 10"), error.getMessage());
        assertTrue(error.getMessage().contains("test_batch.bin"), error.getMessage());
    }

    @Test
    void pixelsMatchBytesForEveryValue(@TempDir Path folder) throws IOException {
        writeBatches(folder, 1);
        byte[] test = new byte[RECORD];
        for (int i = 0; i < 256; i++) {
            test[1 + i] = (byte) i;
        }
        Files.write(folder.resolve("test_batch.bin"), test);

        float[] pixels = Cifar10.load(folder).test().pixels();

        float[] expected = new float[256];
        for (int i = 0; i < 256; i++) {
            expected[i] = i / 255f;
        }
        assertArrayEquals(expected, java.util.Arrays.copyOf(pixels, 256));
    }
}
