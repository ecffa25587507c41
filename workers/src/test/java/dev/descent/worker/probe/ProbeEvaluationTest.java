package dev.descent.worker.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.spec.ProbeSpec;

class ProbeEvaluationTest {

    private static final int CLASSES = 4;
    private static final int COLUMNS = 8;
    private static final long SEED = 5;

    /** Four overlapping Gaussian clusters, so no probe is perfect and the settings matter. */
    private static Features clusters(int rows, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * COLUMNS];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            int label = random.nextInt(CLASSES);
            labels[row] = label;
            for (int column = 0; column < COLUMNS; column++) {
                double centre = column == label ? 1.2 : 0.0;
                values[row * COLUMNS + column] = (float) (centre + random.nextGaussian());
            }
        }
        return new Features(values, rows, COLUMNS, labels);
    }

    private static Features permuteLabels(Features features, long seed) {
        int[] labels = features.labels().clone();
        Random random = new Random(seed);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = labels[i];
            labels[i] = labels[j];
            labels[j] = swap;
        }
        return new Features(features.values(), features.rows(), features.columns(), labels);
    }

    private static ProbeSpec spec(List<Double> fractions) {
        return new ProbeSpec(1000, 500, 5, 20, 400, fractions);
    }

    private static List<LabelFractionScores> evaluate(Features train, Features validation, Features test,
                                                      List<Double> fractions) {
        return ProbeEvaluation.evaluate(train, validation, test, spec(fractions), CLASSES, SEED, () -> { });
    }

    @Test
    void testLabelsChangeNoChoice() {
        Features train = clusters(1000, 1);
        Features validation = clusters(400, 2);
        Features test = clusters(500, 3);
        List<Double> fractions = List.of(0.02, 0.1, 1.0);

        List<LabelFractionScores> original = evaluate(train, validation, test, fractions);
        List<LabelFractionScores> permuted = evaluate(train, validation, permuteLabels(test, 9), fractions);

        assertEquals(3, original.size());
        boolean testChanged = false;
        for (int i = 0; i < original.size(); i++) {
            LabelFractionScores a = original.get(i);
            LabelFractionScores b = permuted.get(i);
            assertEquals(a.fraction(), b.fraction());
            assertEquals(a.images(), b.images());
            assertEquals(a.linearL2(), b.linearL2(), "L2 at fraction " + a.fraction());
            assertEquals(a.knnK(), b.knnK(), "k at fraction " + a.fraction());
            assertEquals(a.validationLinearProbeAccuracy(), b.validationLinearProbeAccuracy());
            assertEquals(a.validationKnnAccuracy(), b.validationKnnAccuracy());
            testChanged |= a.linearProbeAccuracy() != b.linearProbeAccuracy() || a.knnAccuracy() != b.knnAccuracy();
        }
        assertTrue(testChanged, "permuting the test labels should change some test accuracy");
    }

    @Test
    void choiceIsBestValidationSetting() {
        Features train = clusters(1000, 1);
        Features validation = clusters(400, 2);
        Features test = clusters(500, 3);

        LabelFractionScores scores = evaluate(train, validation, test, List.of(0.05)).get(0);

        Features subset = LabelSubsets.select(train, LabelSubsets.of(train.labels(), CLASSES, SEED).draw(50));
        int epochs = ProbeEvaluation.subsetEpochs(5, 1000, 50);
        double bestValidation = -1;
        double bestL2 = -1;
        double testAtBest = -1;
        for (double l2 : ProbeEvaluation.L2_GRID) {
            LinearProbe.Model model = new LinearProbe(CLASSES, epochs, SEED, l2).fit(subset);
            double accuracy = model.accuracy(validation);
            if (accuracy > bestValidation) {
                bestValidation = accuracy;
                bestL2 = l2;
                testAtBest = model.accuracy(test);
            }
        }
        assertEquals(50, scores.images());
        assertEquals(bestL2, scores.linearL2());
        assertEquals(bestValidation, scores.validationLinearProbeAccuracy());
        assertEquals(testAtBest, scores.linearProbeAccuracy());

        int[] ks = {1, 5, 10, 20, 50};
        double[] knn = KnnClassifier.scoreEachK(subset, validation, CLASSES, ks);
        int best = 0;
        for (int i = 1; i < ks.length; i++) {
            best = knn[i] > knn[best] ? i : best;
        }
        assertEquals(ks[best], scores.knnK());
        assertEquals(knn[best], scores.validationKnnAccuracy());
        assertEquals(new KnnClassifier(ks[best], CLASSES).score(subset, test), scores.knnAccuracy());
    }

    @Test
    void validationLabelsDriveChoice() {
        Features train = clusters(1000, 1);
        Features validation = clusters(400, 2);
        Features test = clusters(500, 3);

        LabelFractionScores clean = evaluate(train, validation, test, List.of(1.0)).get(0);
        LabelFractionScores shuffled = evaluate(train, permuteLabels(validation, 4), test, List.of(1.0)).get(0);

        assertTrue(clean.validationLinearProbeAccuracy() > 0.5, "clean " + clean);
        assertTrue(shuffled.validationLinearProbeAccuracy() < 0.4, "shuffled " + shuffled);
        assertNotEquals(clean.validationKnnAccuracy(), shuffled.validationKnnAccuracy());
    }

    @Test
    void kGridCappedBySubsetSize() {
        assertArrayEquals(new int[] {1, 5}, ProbeEvaluation.kGrid(8));
        assertArrayEquals(new int[] {1, 5, 10, 20, 50}, ProbeEvaluation.kGrid(50));
        assertArrayEquals(new int[] {1}, ProbeEvaluation.kGrid(4));

        Features train = clusters(1000, 1);
        LabelFractionScores tiny = evaluate(train, clusters(400, 2), clusters(500, 3), List.of(0.008)).get(0);

        assertEquals(8, tiny.images());
        assertTrue(tiny.knnK() <= 5, "k " + tiny.knnK());
    }

    @Test
    void moreLabelsScoreHigher() {
        List<LabelFractionScores> scores = evaluate(clusters(1000, 1), clusters(400, 2), clusters(500, 3),
                List.of(0.01, 1.0));

        assertEquals(10, scores.get(0).images());
        assertEquals(1000, scores.get(1).images());
        assertTrue(scores.get(1).linearProbeAccuracy() > scores.get(0).linearProbeAccuracy(), scores.toString());
        assertTrue(scores.get(1).linearProbeAccuracy() > 0.6, scores.toString());
    }

    @Test
    void fractionBelowClassCountRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> evaluate(clusters(1000, 1), clusters(400, 2), clusters(500, 3), List.of(0.002)));

        assertTrue(error.getMessage().contains("0.002"), error.getMessage());
        assertTrue(error.getMessage().contains("smallest valid fraction is 0.004"), error.getMessage());
    }

    @Test
    void cancelCheckStopsBetweenFits() {
        AtomicInteger checks = new AtomicInteger();
        Runnable cancelAfterTwo = () -> {
            if (checks.incrementAndGet() > 2) {
                throw new CancellationException("cancelled");
            }
        };

        assertThrows(CancellationException.class, () -> ProbeEvaluation.evaluate(clusters(1000, 1),
                clusters(400, 2), clusters(500, 3), spec(List.of(1.0)), CLASSES, SEED, cancelAfterTwo));
        assertEquals(3, checks.get());
    }

    @Test
    void subsetEpochsMatchFullRunSteps() {
        assertEquals(10, ProbeEvaluation.subsetEpochs(10, 10000, 10000));
        assertEquals(100, ProbeEvaluation.subsetEpochs(10, 10000, 1000));
        assertEquals(34, ProbeEvaluation.subsetEpochs(10, 1000, 300));
    }

    @Test
    void knnEachKMatchesSingleK() {
        Features train = clusters(300, 1);
        Features test = clusters(200, 2);
        int[] ks = {1, 3, 7, 20};

        double[] each = KnnClassifier.scoreEachK(train, test, CLASSES, ks);

        for (int i = 0; i < ks.length; i++) {
            assertEquals(new KnnClassifier(ks[i], CLASSES).score(train, test), each[i], "k = " + ks[i]);
        }
    }

    @Test
    void zeroL2MatchesPlainProbe() {
        Features train = clusters(300, 1);
        Features test = clusters(200, 2);

        double plain = new LinearProbe(CLASSES, 5, 3).fitAndScore(train, test);
        double zero = new LinearProbe(CLASSES, 5, 3, 0).fit(train).accuracy(test);

        assertEquals(plain, zero);
        assertThrows(IllegalArgumentException.class, () -> new LinearProbe(CLASSES, 5, 3, -1));
        assertThrows(IllegalArgumentException.class, () -> new LinearProbe(CLASSES, 5, 3, Double.NaN));
    }
}
