package dev.descent.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path folder;

    private void imageFolder() throws IOException {
        for (String split : new String[] {"train", "test"}) {
            for (String name : new String[] {"a", "b"}) {
                TestImages.rgb(folder.resolve(split + "/" + name + "/x.png"), "png", 20, 20,
                        (x, y) -> TestImages.rgb(x, y, 7));
            }
        }
    }

    @Test
    void imageFolderNameGivesSide() throws IOException {
        imageFolder();

        LabelledImages data = Datasets.load("image-folder:" + folder + "@16", folder);

        assertEquals(16, data.train().height());
        assertEquals(16, data.test().width());
        assertEquals(3, data.channels());
        assertEquals(2, data.classes());
    }

    @Test
    void bareImageFolderUsesDefaultSide() throws IOException {
        imageFolder();

        assertEquals(32, Datasets.load("image-folder", folder).train().height());
    }

    @Test
    void repeatedLoadReturnsCachedInstance() throws IOException {
        imageFolder();
        String name = "image-folder:" + folder + "@8";

        assertSame(Datasets.load(name, folder), Datasets.load(name, folder.resolve(".")));
    }

    @Test
    void otherFolderThanConfigRejected() throws IOException {
        imageFolder();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("image-folder:/data/elsewhere@32", folder));

        assertTrue(error.getMessage().contains("/data/elsewhere"), error.getMessage());
        assertTrue(error.getMessage().contains(folder.toString()), error.getMessage());
    }

    @Test
    void cifarThroughDatasets() throws IOException {
        Cifar10Test.writeBatches(folder, 1);

        LabelledImages data = Datasets.load("cifar-10", folder);

        assertEquals(5, data.train().size());
        assertEquals(3, data.train().channels());
        assertEquals(10, data.classNames().size());
    }

    @Test
    void fashionMnistThroughDatasets() {
        LabelledImages data = Datasets.load("fashion-mnist", FashionMnistTest.FOLDER);

        assertEquals(60_000, data.train().size());
        assertEquals(1, data.channels());
        assertEquals(28, data.test().height());
        assertEquals(FashionMnist.CLASSES, data.classes());
        assertEquals("Ankle boot", data.classNames().get(9));
        assertSame(FashionMnist.load(FashionMnistTest.FOLDER).train(), data.train());
    }

    @Test
    void unknownFormatListsKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("mnist", folder));

        assertTrue(error.getMessage().contains("'mnist'"), error.getMessage());
        assertTrue(error.getMessage().contains("cifar-10"), error.getMessage());
    }

    @Test
    void defaultFolders() {
        assertEquals(Optional.of(Path.of("/usr/share/datasets/cifar-10")), Datasets.defaultFolder("cifar-10"));
        assertEquals(Optional.of(Path.of("/data/f")), Datasets.defaultFolder("image-folder:/data/f@32"));
        assertEquals(Optional.empty(), Datasets.defaultFolder("image-folder"));
        assertEquals(Optional.empty(), Datasets.defaultFolder("mnist"));
    }
}
