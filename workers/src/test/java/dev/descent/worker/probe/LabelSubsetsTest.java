package dev.descent.worker.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LabelSubsetsTest {

    private static final int CLASSES = 10;

    /** Rows with shuffled labels and {@code counts[c]} rows of class {@code c}. */
    private static int[] labels(int[] counts, long seed) {
        int[] labels = new int[Arrays.stream(counts).sum()];
        int next = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                labels[next++] = c;
            }
        }
        Random random = new Random(seed);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = labels[i];
            labels[i] = labels[j];
            labels[j] = swap;
        }
        return labels;
    }

    private static int[] classCounts(int[] labels, int[] rows) {
        int[] counts = new int[CLASSES];
        for (int row : rows) {
            counts[labels[row]]++;
        }
        return counts;
    }

    @Test
    void balancedClassesGetEqualShares() {
        int[] labels = labels(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, 1);
        LabelSubsets subsets = LabelSubsets.of(labels, CLASSES, 7);

        int[] counts = classCounts(labels, subsets.draw(50));

        for (int c = 0; c < CLASSES; c++) {
            assertEquals(5, counts[c], "class " + c);
        }
    }

    @Test
    void remainderSpreadsOneRowEach() {
        int[] labels = labels(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, 1);

        int[] counts = classCounts(labels, LabelSubsets.of(labels, CLASSES, 7).draw(15));

        assertEquals(15, Arrays.stream(counts).sum());
        assertEquals(1, Arrays.stream(counts).min().orElseThrow());
        assertEquals(2, Arrays.stream(counts).max().orElseThrow());
    }

    @Test
    void smallClassGivesAllAndOthersTakeOver() {
        int[] labels = labels(new int[] {3, 50, 50, 50, 50, 50, 50, 50, 50, 50}, 2);

        int[] counts = classCounts(labels, LabelSubsets.of(labels, CLASSES, 7).draw(100));

        assertEquals(3, counts[0]);
        assertEquals(100, Arrays.stream(counts).sum());
        for (int c = 1; c < CLASSES; c++) {
            assertTrue(counts[c] == 10 || counts[c] == 11, "class " + c + " got " + counts[c]);
        }
    }

    @Test
    void everyClassGetsOneAtMinimumSize() {
        int[] labels = labels(new int[] {1, 2, 30, 400, 5, 60, 7, 80, 9, 100}, 3);

        int[] counts = classCounts(labels, LabelSubsets.of(labels, CLASSES, 7).draw(CLASSES));

        for (int c = 0; c < CLASSES; c++) {
            assertEquals(1, counts[c], "class " + c);
        }
    }

    @Test
    void sizeBelowClassesRejected() {
        int[] labels = labels(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, 4);
        LabelSubsets subsets = LabelSubsets.of(labels, CLASSES, 7);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> subsets.draw(9));

        assertTrue(error.getMessage().contains("invalid subset size 9"), error.getMessage());
        assertTrue(error.getMessage().contains("from 10"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> subsets.draw(101));
    }

    @Test
    void absentClassNeedsNoRow() {
        int[] labels = labels(new int[] {0, 10, 10, 10, 10, 10, 10, 10, 10, 10}, 5);
        LabelSubsets subsets = LabelSubsets.of(labels, CLASSES, 7);

        int[] counts = classCounts(labels, subsets.draw(9));

        assertEquals(9, subsets.classesPresent());
        assertEquals(0, counts[0]);
        assertEquals(9, Arrays.stream(counts).sum());
    }

    @Test
    void sameSeedDrawsSameRows() {
        int[] labels = labels(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, 6);

        int[] first = LabelSubsets.of(labels, CLASSES, 11).draw(40);
        int[] second = LabelSubsets.of(labels.clone(), CLASSES, 11).draw(40);
        int[] otherSeed = LabelSubsets.of(labels, CLASSES, 12).draw(40);

        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, otherSeed));
    }

    @Test
    void rowsAreDistinctSortedAndNested() {
        int[] labels = labels(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, 8);
        LabelSubsets subsets = LabelSubsets.of(labels, CLASSES, 3);

        int[] small = subsets.draw(10);
        int[] large = subsets.draw(100);

        Set<Integer> largeRows = new HashSet<>();
        Arrays.stream(large).forEach(largeRows::add);
        assertEquals(100, largeRows.size());
        int[] sorted = large.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, large);
        for (int row : small) {
            assertTrue(largeRows.contains(row), "row " + row + " of the 10-row subset is not in the 100-row one");
        }
    }

    @Test
    void allRowsAtFullSize() {
        int[] labels = labels(new int[] {3, 5, 7, 9, 11, 13, 15, 17, 19, 21}, 9);

        int[] rows = LabelSubsets.of(labels, CLASSES, 3).draw(labels.length);

        int[] expected = new int[labels.length];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, rows);
    }

    @Test
    void selectCopiesRowsAndLabels() {
        Features features = new Features(new float[] {0, 1, 10, 11, 20, 21}, 3, 2, new int[] {4, 5, 6});

        Features selected = LabelSubsets.select(features, new int[] {2, 0});

        assertArrayEquals(new float[] {20, 21, 0, 1}, selected.values());
        assertArrayEquals(new int[] {6, 4}, selected.labels());
    }
}
