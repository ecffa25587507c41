package dev.descent.worker.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Draws class-balanced subsets of labelled rows for label-fraction probes.
 *
 * <p>A subset of {@code n} rows gives each class present the same share, {@code n / classes} rows with the remainder
 * spread one row each, except that a class with fewer rows than its share gives all its rows and the others take
 * over what it lacks. Each class's rows come from one permutation drawn from the seed, and a subset takes the first
 * rows of it, so one seed always draws the same rows.
 */
public final class LabelSubsets {

    /** Mixed into the seed so the subsets do not reuse the probe's shuffling stream. */
    private static final long SEED_SALT = 0x1ABE1F4AC7L;

    private final List<int[]> rowsByClass;

    private LabelSubsets(List<int[]> rowsByClass) {
        this.rowsByClass = rowsByClass;
    }

    /**
     * Shuffles each class's rows with the seed.
     *
     * @param labels the class of each row, from 0 to {@code classes - 1}
     * @param classes the number of classes
     * @param seed the trial's seed
     */
    public static LabelSubsets of(int[] labels, int classes, long seed) {
        int[] counts = new int[classes];
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is outside 0 to " + (classes - 1));
            }
            counts[label]++;
        }
        List<int[]> rowsByClass = new ArrayList<>(classes);
        int[] filled = new int[classes];
        for (int c = 0; c < classes; c++) {
            rowsByClass.add(new int[counts[c]]);
        }
        for (int row = 0; row < labels.length; row++) {
            rowsByClass.get(labels[row])[filled[labels[row]]++] = row;
        }
        Random random = new Random(seed ^ SEED_SALT);
        for (int[] rows : rowsByClass) {
            shuffle(rows, random);
        }
        return new LabelSubsets(rowsByClass);
    }

    /** Returns the number of classes with at least one row. */
    public int classesPresent() {
        return (int) rowsByClass.stream().filter(rows -> rows.length > 0).count();
    }

    /**
     * Returns the rows of each class that a subset of {@code size} rows takes: a balanced share, capped by the
     * class's rows.
     *
     * @throws IllegalArgumentException when {@code size} is below the classes present, so a class would get no row,
     *     or above the rows available
     */
    public int[] quotas(int size) {
        int total = rowsByClass.stream().mapToInt(rows -> rows.length).sum();
        int present = classesPresent();
        if (size < present || size > total) {
            throw new IllegalArgumentException("invalid subset size " + size + ": must be from " + present
                    + " (one row for each class present) to " + total + " (all rows)");
        }
        Integer[] order = new Integer[rowsByClass.size()];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        // Smallest classes first, so a class that cannot fill its share leaves the rest to larger classes.
        Arrays.sort(order, Comparator.comparingInt((Integer c) -> rowsByClass.get(c).length).thenComparingInt(c -> c));
        int[] quotas = new int[order.length];
        int remaining = size;
        int left = present;
        for (int c : order) {
            int available = rowsByClass.get(c).length;
            if (available == 0) {
                continue;
            }
            int share = (remaining + left - 1) / left;
            quotas[c] = Math.min(available, share);
            remaining -= quotas[c];
            left--;
        }
        return quotas;
    }

    /**
     * Returns the rows of a subset of {@code size} rows in ascending order.
     *
     * @throws IllegalArgumentException as {@link #quotas} does
     */
    public int[] draw(int size) {
        int[] quotas = quotas(size);
        int[] subset = new int[size];
        int next = 0;
        for (int c = 0; c < quotas.length; c++) {
            System.arraycopy(rowsByClass.get(c), 0, subset, next, quotas[c]);
            next += quotas[c];
        }
        Arrays.sort(subset);
        return subset;
    }

    /** Returns a copy of the given rows of {@code features}, in the order given. */
    public static Features select(Features features, int[] rows) {
        int columns = features.columns();
        float[] values = new float[rows.length * columns];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features.values(), rows[i] * columns, values, i * columns, columns);
            labels[i] = features.labels()[rows[i]];
        }
        return new Features(values, rows.length, columns, labels);
    }

    private static void shuffle(int[] rows, Random random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
    }
}
