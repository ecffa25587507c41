package dev.descent.worker.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.spec.ProbeSpec;

/**
 * Fits the linear probe and kNN on each label fraction of the probe's train features and chooses their settings on
 * the validation features, never on the test features.
 *
 * <p>For each fraction in {@link ProbeSpec#labelFractions()} it draws a class-balanced subset with
 * {@link LabelSubsets}, fits one linear probe per L2 weight in {@link #L2_GRID} and scores kNN for each {@code k} in
 * {@link #K_GRID} up to the subset's size. The setting with the highest validation accuracy wins, the first in grid
 * order on a tie. Only then are the chosen probe and {@code k} scored on the test features, so the test labels cannot
 * change a choice. Everything runs on features computed once, so the cost is the grid's fits and no extra encoding.
 *
 * <p>A linear probe on a subset of {@code n} of the {@code N} train rows trains for {@code ceil(epochs * N / n)}
 * epochs, so it takes about as many gradient steps as the probe on all rows instead of a handful on a small subset.
 * Each fraction therefore costs about {@code L2_GRID.length} full linear-probe fits.
 */
public final class ProbeEvaluation {

    /** The L2 weights that the linear probe chooses from, smallest first. */
    public static final double[] L2_GRID = {0, 1e-4, 1e-3, 1e-2, 1e-1};

    /** The neighbour counts that kNN chooses from. Counts above the subset's size are skipped. */
    public static final int[] K_GRID = {1, 5, 10, 20, 50};

    private ProbeEvaluation() {
    }

    /**
     * Evaluates every label fraction of the spec.
     *
     * @param train the standardised features of the probe's train images
     * @param validation the validation features, standardised like {@code train}; the only set that chooses settings
     * @param test the test features, standardised like {@code train}; scored at the chosen settings only
     * @param probe the spec, for its label fractions and linear-probe epochs
     * @param classes the number of classes
     * @param seed the trial's seed, which draws the subsets and shuffles the probe's batches
     * @param checkCancelled runs before each fit; it throws to stop the evaluation
     * @return one entry per fraction, in ascending fraction
     * @throws IllegalArgumentException when a fraction draws fewer train images than there are classes present
     */
    public static List<LabelFractionScores> evaluate(Features train, Features validation, Features test,
                                                     ProbeSpec probe, int classes, long seed,
                                                     Runnable checkCancelled) {
        LabelSubsets subsets = LabelSubsets.of(train.labels(), classes, seed);
        List<LabelFractionScores> scores = new ArrayList<>();
        for (double fraction : probe.labelFractions()) {
            int images = ProbeSpec.labelFractionImages(fraction, train.rows());
            if (images < subsets.classesPresent()) {
                throw new IllegalArgumentException("invalid probe.label-fractions value " + fraction + ": it draws "
                        + images + " of " + train.rows() + " train images, fewer than the " + subsets.classesPresent()
                        + " classes present; the smallest valid fraction is "
                        + (double) subsets.classesPresent() / train.rows());
            }
            Features subset = LabelSubsets.select(train, subsets.draw(images));
            int epochs = subsetEpochs(probe.epochs(), train.rows(), images);
            scores.add(evaluateSubset(fraction, subset, validation, test, epochs, classes, seed, checkCancelled));
        }
        return scores;
    }

    private static LabelFractionScores evaluateSubset(double fraction, Features subset, Features validation,
                                                      Features test, int epochs, int classes, long seed,
                                                      Runnable checkCancelled) {
        LinearProbe.Model bestModel = null;
        double bestL2 = Double.NaN;
        double bestLinear = -1;
        for (double l2 : L2_GRID) {
            checkCancelled.run();
            LinearProbe.Model model = new LinearProbe(classes, epochs, seed, l2).fit(subset);
            double accuracy = model.accuracy(validation);
            if (accuracy > bestLinear) {
                bestModel = model;
                bestL2 = l2;
                bestLinear = accuracy;
            }
        }
        checkCancelled.run();
        int[] ks = kGrid(subset.rows());
        double[] knnValidation = KnnClassifier.scoreEachK(subset, validation, classes, ks);
        int best = 0;
        for (int i = 1; i < ks.length; i++) {
            if (knnValidation[i] > knnValidation[best]) {
                best = i;
            }
        }
        double testLinear = bestModel.accuracy(test);
        double testKnn = new KnnClassifier(ks[best], classes).score(subset, test);
        return new LabelFractionScores(fraction, subset.rows(), bestL2, ks[best], bestLinear, testLinear,
                knnValidation[best], testKnn);
    }

    /** Returns the values of {@link #K_GRID} that do not exceed {@code rows}. */
    static int[] kGrid(int rows) {
        return Arrays.stream(K_GRID).filter(k -> k <= rows).toArray();
    }

    /** Returns {@code ceil(epochs * allRows / subsetRows)}, capped at {@link Integer#MAX_VALUE}. */
    static int subsetEpochs(int epochs, int allRows, int subsetRows) {
        long numerator = (long) epochs * allRows;
        return (int) Math.min(Integer.MAX_VALUE, (numerator + subsetRows - 1) / subsetRows);
    }
}
