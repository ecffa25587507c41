package dev.descent.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;
import dev.descent.model.trial.TrialIds;

/** The dataset section of experiment files, and how the dataset enters trial configs and ids. */
class DatasetSpecTest {

    private final SpecParser parser = new SpecParser(100);

    private static String spec(String dataset) {
        return "name: d\n" + dataset + "pretext: [inpainting]\nlosses: [l2]\nseeds: [1]\n";
    }

    private ExperimentSpec parse(String dataset) {
        return parser.parse("d.yaml", spec(dataset));
    }

    private SpecProblem single(String dataset) {
        SpecException error = assertThrows(SpecException.class, () -> parse(dataset));
        assertEquals(1, error.problems().size(), error.problems().toString());
        return error.problems().get(0);
    }

    @Test
    void fashionMnistTrialIdUnchanged() {
        // The id that this config had before datasets other than Fashion-MNIST existed.
        List<TrialConfig> trials = TrialExpander.expand(parse("dataset: fashion-mnist\n"));

        assertEquals(1, trials.size());
        assertEquals("fashion-mnist", trials.get(0).dataset());
        assertEquals("t-e6b7693223aa013c", TrialIds.of(trials.get(0)));
    }

    @Test
    void fashionMnistPathStaysOutOfConfig() {
        ExperimentSpec withPath = parse("dataset: {name: fashion-mnist, path: /data/fm}\n");

        assertEquals(new DatasetSpec("fashion-mnist", "/data/fm", 0), withPath.dataset());
        assertEquals("fashion-mnist", TrialExpander.expand(withPath).get(0).dataset());
    }

    @Test
    void cifarParsesWithDefaultPath() {
        ExperimentSpec spec = parse("dataset: cifar-10\n");

        assertEquals(new DatasetSpec("cifar-10", null, 0), spec.dataset());
        assertEquals("/usr/share/datasets/cifar-10", DatasetFormat.CIFAR_10.defaultPath());
        assertEquals(3, DatasetFormat.CIFAR_10.channels());
        assertEquals("cifar-10", TrialExpander.expand(spec).get(0).dataset());
    }

    @Test
    void cifarProbeSizesCheckedAgainstTrainSplit() {
        SpecProblem problem = single("dataset: cifar-10\nprobe: {train-images: 49000, validation-images: 2000}\n");

        assertEquals("probe.validation-images", problem.field());
        assertTrue(problem.message().contains("50000 images of the cifar-10 train split"), problem.message());
    }

    @Test
    void imageFolderConfigCarriesFolderAndSide() {
        ExperimentSpec spec = parse("dataset: {name: image-folder, path: /data/flowers/, image-size: 64}\n");

        assertEquals(new DatasetSpec("image-folder", "/data/flowers/", 64), spec.dataset());
        List<TrialConfig> trials = TrialExpander.expandWithBaselines(spec);
        for (TrialConfig trial : trials) {
            assertEquals("image-folder:/data/flowers@64", trial.dataset(), trial.toString());
        }
    }

    @Test
    void imageFolderSideDefaultsTo32() {
        ExperimentSpec spec = parse("dataset: {name: image-folder, path: /data/flowers}\n");

        assertEquals(32, spec.dataset().imageSize());
        assertEquals("image-folder:/data/flowers@32", spec.dataset().trialDataset());
    }

    @Test
    void imageFolderIdsDifferByFolderAndSide() {
        String flowers = id("dataset: {name: image-folder, path: /data/flowers}\n");
        String birds = id("dataset: {name: image-folder, path: /data/birds}\n");
        String flowers64 = id("dataset: {name: image-folder, path: /data/flowers, image-size: 64}\n");
        String flowersAgain = id("dataset: {name: image-folder, path: /data/./flowers/, image-size: 32}\n");

        assertNotEquals(flowers, birds);
        assertNotEquals(flowers, flowers64);
        assertEquals(flowers, flowersAgain);
    }

    @Test
    void imageFolderSkipsTrainSizeCheck() {
        ExperimentSpec spec = parse("dataset: {name: image-folder, path: /data/flowers}\n"
                + "probe: {train-images: 59000, validation-images: 2000}\n");

        assertEquals(59000, spec.probe().trainImages());
        assertEquals(0, DatasetFormat.IMAGE_FOLDER.trainImages());
    }

    @Test
    void imageFolderWithoutPathRejected() {
        SpecProblem mapping = single("dataset: {name: image-folder}\n");
        SpecProblem scalar = single("dataset: image-folder\n");

        assertEquals("dataset.path", mapping.field());
        assertTrue(mapping.message().contains("missing; image-folder needs the folder"), mapping.message());
        assertEquals("dataset.path", scalar.field());
        assertEquals(2, scalar.line());
    }

    @Test
    void imageSizeNotMultipleOfFourRejected() {
        SpecProblem problem = single("dataset: {name: image-folder, path: /data/f, image-size: 30}\n");

        assertEquals("dataset.image-size", problem.field());
        assertEquals("30", problem.value());
        assertTrue(problem.message().contains("divisible by 4"), problem.message());
        assertTrue(problem.message().contains("use 28 or 32"), problem.message());
    }

    @Test
    void imageSizeOutOfRangeRejected() {
        SpecProblem small = single("dataset: {name: image-folder, path: /data/f, image-size: 4}\n");
        SpecProblem large = single("dataset: {name: image-folder, path: /data/f, image-size: 260}\n");
        SpecProblem text = single("dataset: {name: image-folder, path: /data/f, image-size: big}\n");

        assertTrue(small.message().contains("from 8 to 256"), small.message());
        assertTrue(large.message().contains("from 8 to 256"), large.message());
        assertTrue(text.message().contains("whole number"), text.message());
    }

    @Test
    void imageSizeOnFixedDatasetRejected() {
        SpecProblem problem = single("dataset: {name: cifar-10, image-size: 32}\n");

        assertEquals("dataset.image-size", problem.field());
        assertTrue(problem.message().contains("remove dataset.image-size"), problem.message());
    }

    @Test
    void trialDatasetRoundTrips() {
        DatasetSpec folder = DatasetSpec.fromTrialDataset("image-folder:/data/a@b/c@48");

        assertEquals(new DatasetSpec("image-folder", "/data/a@b/c", 48), folder);
        assertEquals("image-folder:/data/a@b/c@48", folder.trialDataset());
        assertEquals(new DatasetSpec("cifar-10", null, 0), DatasetSpec.fromTrialDataset("cifar-10"));
        assertEquals(32, DatasetSpec.fromTrialDataset("image-folder").imageSize());
        assertNull(DatasetSpec.fromTrialDataset("image-folder").path());
    }

    @Test
    void malformedTrialDatasetRejected() {
        for (String bad : List.of("image-folder:/data/f", "image-folder:@32", "image-folder:/data/f@x",
                "image-folder:/data/f@0")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> DatasetSpec.fromTrialDataset(bad), bad);
            assertTrue(error.getMessage().contains(bad), error.getMessage());
        }
    }

    private String id(String dataset) {
        return TrialIds.of(TrialExpander.expand(parse(dataset)).get(0));
    }
}
