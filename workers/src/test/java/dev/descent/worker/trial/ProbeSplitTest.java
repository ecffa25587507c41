package dev.descent.worker.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.worker.data.FashionMnist;
import dev.descent.worker.data.ImageSet;
import org.junit.jupiter.api.Test;

class ProbeSplitTest {

    private static final int SPLIT = 60_000;

    private static Set<Integer> indices(int from, int count) {
        return IntStream.range(from, from + count).boxed().collect(Collectors.toSet());
    }

    @Test
    void validationAndProbeTrainIndicesAreDisjoint() {
        for (ProbeSpec probe : new ProbeSpec[] {new ProbeSpec(10_000, 2000, 10, 20),
                new ProbeSpec(1000, 500, 10, 10, 500), new ProbeSpec(58_000, 2000, 10, 20, 2000)}) {
            ProbeSplit split = ProbeSplit.of(probe, SPLIT);
            Set<Integer> train = indices(split.trainFrom(), split.trainCount());
            Set<Integer> validation = indices(split.validationFrom(), split.validationCount());

            Set<Integer> overlap = new HashSet<>(train);
            overlap.retainAll(validation);
            assertTrue(overlap.isEmpty(), probe + " overlaps at " + overlap.size() + " indices");
            assertEquals(probe.trainImages(), train.size(), probe.toString());
            assertEquals(probe.validationImages(), validation.size(), probe.toString());
            assertTrue(validation.contains(SPLIT - 1), "validation images end the split: " + split);
            assertTrue(train.stream().allMatch(index -> index >= 0 && index < SPLIT - probe.validationImages()),
                    split.toString());
        }
    }

    @Test
    void slicedImagesMatchTheIndices() {
        ImageSet images = FashionMnist.load(Path.of("/usr/share/datasets/fashion-mnist")).train();
        ProbeSplit split = ProbeSplit.of(new ProbeSpec(300, 100, 1, 5, 200), images.size());

        ImageSet train = split.train(images);
        ImageSet validation = split.validation(images);

        assertEquals(300, train.size());
        assertEquals(200, validation.size());
        int pixels = images.pixelsPerImage();
        assertTrue(Arrays.equals(Arrays.copyOfRange(images.pixels(), (SPLIT - 1) * pixels, SPLIT * pixels),
                Arrays.copyOfRange(validation.pixels(), 199 * pixels, 200 * pixels)), "last validation image");
        assertTrue(Arrays.equals(Arrays.copyOfRange(images.pixels(), (SPLIT - 201) * pixels, (SPLIT - 200) * pixels),
                Arrays.copyOfRange(train.pixels(), 299 * pixels, 300 * pixels)), "last probe-train image");
    }

    @Test
    void noValidationImagesKeepsTheOldTail() {
        ProbeSplit split = ProbeSplit.of(new ProbeSpec(60_000, 10_000, 10, 20, 0), SPLIT);

        assertEquals(0, split.trainFrom());
        assertEquals(0, split.validationCount());
        assertNull(split.validation(new ImageSet(new float[0], new int[0], 28, 28)));
    }

    @Test
    void oversizedProbeNamesBothValues() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProbeSplit.of(new ProbeSpec(59_000, 2000, 10, 20, 2000), SPLIT));

        assertTrue(error.getMessage().contains("probe.train-images (59000)"), error.getMessage());
        assertTrue(error.getMessage().contains("probe.validation-images (2000)"), error.getMessage());
    }
}
