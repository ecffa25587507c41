package dev.descent.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void loadsBothSplitsWithKnownCounts() {
        FashionMnist data = FashionMnist.load(FOLDER);

        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertEquals(28, data.train().height());
        assertEquals(28, data.train().width());
        assertEquals(60_000 * 784, data.train().pixels().length);
        assertEquals(10_000 * 784, data.test().pixels().length);
    }

    @Test
    void labelsCoverAllTenClassesEvenly() {
        int[] counts = new int[FashionMnist.CLASSES];
        for (int label : FashionMnist.load(FOLDER).train().labels()) {
            assertTrue(label >= 0, "label " + label);
            assertTrue(label < 10, "label " + label);
            counts[label]++;
        }
        for (int count : counts) {
            // Fashion-MNIST's train split has exactly 6,000 images per class.
            assertEquals(6_000, count);
        }
    }

    @Test
    void pixelsAreScaledToUnitRange() {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float pixel : FashionMnist.load(FOLDER).test().pixels()) {
            min = Math.min(min, pixel);
            max = Math.max(max, pixel);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void repeatedLoadReturnsCachedInstance() {
        assertSame(FashionMnist.load(FOLDER), FashionMnist.load(FOLDER.resolve(".")));
    }

    @Test
    void missingFileNamesFileAndFix(@TempDir Path empty) {
        DatasetNotFoundException error = assertThrows(DatasetNotFoundException.class,
                () -> FashionMnist.load(empty));

        assertTrue(error.getMessage().contains(empty.resolve("train-images-idx3-ubyte.gz").toString()),
                error.getMessage());
        assertTrue(error.getMessage().contains("apt-get install dataset-fashion-mnist"), error.getMessage());
        assertTrue(error.getMessage().contains("dataset.path"), error.getMessage());
    }

    @Test
    void tailTakesLastImages() {
        ImageSet train = FashionMnist.load(FOLDER).train();
        ImageSet tail = train.tail(3);

        assertEquals(3, tail.size());
        assertEquals(train.label(59_997), tail.label(0));
        assertEquals(train.pixels()[59_999 * 784 + 400], tail.pixels()[2 * 784 + 400]);
    }
}
