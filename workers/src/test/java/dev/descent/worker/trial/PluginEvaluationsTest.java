package dev.descent.worker.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.plugin.EvaluatorPlugin;
import dev.descent.plugin.FeatureMatrix;
import dev.descent.worker.probe.Features;

/** Evaluator plug-ins through {@link TrialRunner#scoreFeatures}, with in-test plug-ins passed directly. */
class PluginEvaluationsTest {

    private static final int COLUMNS = 4;
    private static final long SEED = 17;
    private static final ProbeSpec PROBE = new ProbeSpec(60, 30, 5, 3, 24);

    /** Predicts the most frequent train label for every row, so its accuracy is that label's share of the rows. */
    private static final class MajorityClass implements EvaluatorPlugin {

        final List<FeatureMatrix> trainSeen = new ArrayList<>();
        final List<FeatureMatrix> scoredSeen = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();

        @Override
        public EvaluatorDefinition definition() {
            return new EvaluatorDefinition("majority-class", "2.1", "The most frequent train label.");
        }

        @Override
        public double score(FeatureMatrix train, FeatureMatrix test, long seed) {
            trainSeen.add(train);
            scoredSeen.add(test);
            seeds.add(seed);
            int majority = majority(train.labels(), train.classes());
            return share(test.labels(), majority);
        }
    }

    /** Throws on every call. */
    private static final class Throwing implements EvaluatorPlugin {

        @Override
        public EvaluatorDefinition definition() {
            return new EvaluatorDefinition("throwing", "0.1", "Always fails.");
        }

        @Override
        public double score(FeatureMatrix train, FeatureMatrix test, long seed) {
            throw new IllegalStateException("simulated evaluator failure");
        }
    }

    /** Returns a valid accuracy on the validation rows and NaN on the test rows. */
    private static final class NanOnTest implements EvaluatorPlugin {

        private final int validationRows;

        NanOnTest(int validationRows) {
            this.validationRows = validationRows;
        }

        @Override
        public EvaluatorDefinition definition() {
            return new EvaluatorDefinition("nan-on-test", "1.0", "Fails on the test rows only.");
        }

        @Override
        public double score(FeatureMatrix train, FeatureMatrix test, long seed) {
            return test.rows() == validationRows ? 0.5 : Double.NaN;
        }
    }

    @Test
    void pluginScoredOnValidationAndTest() {
        Features train = features(60, 3, 1);
        Features test = features(30, 4, 2);
        Features validation = features(24, 5, 3);
        MajorityClass plugin = new MajorityClass();

        ProbeScores scores = TrialRunner.scoreFeatures(train, test, validation, PROBE, SEED, () -> false, "t-eval",
                List.of(plugin));

        int majority = majority(train.labels(), 5);
        assertEquals(1, scores.evaluations().size());
        EvaluatorScore score = scores.evaluations().get(0);
        assertEquals("majority-class", score.name());
        assertEquals("2.1", score.version());
        assertEquals(share(validation.labels(), majority), score.validationAccuracy(), 1e-12);
        assertEquals(share(test.labels(), majority), score.testAccuracy(), 1e-12);
    }

    @Test
    void pluginGetsStandardisedFeatures() {
        Features train = features(60, 3, 1);
        Features test = features(30, 4, 2);
        Features validation = features(24, 5, 3);
        MajorityClass plugin = new MajorityClass();

        TrialRunner.scoreFeatures(train, test, validation, PROBE, SEED, () -> false, "t-eval", List.of(plugin));

        assertEquals(2, plugin.trainSeen.size(), "fitted once for validation and once for test");
        assertEquals(List.of(SEED, SEED), plugin.seeds);
        FeatureMatrix fitted = plugin.trainSeen.get(0);
        assertEquals(60, fitted.rows());
        assertEquals(COLUMNS, fitted.columns());
        int largest = 0;
        for (Features set : List.of(train, test, validation)) {
            for (int label : set.labels()) {
                largest = Math.max(largest, label);
            }
        }
        assertEquals(largest + 1, fitted.classes(), "classes: the largest label in any set plus one");
        assertEquals(24, plugin.scoredSeen.get(0).rows(), "validation first");
        assertEquals(30, plugin.scoredSeen.get(1).rows(), "test second");
        for (int column = 0; column < COLUMNS; column++) {
            double sum = 0;
            for (int row = 0; row < fitted.rows(); row++) {
                sum += fitted.values()[row * COLUMNS + column];
            }
            assertEquals(0, sum / fitted.rows(), 1e-4, "train column " + column + " has mean 0");
        }
    }

    @Test
    void failingPluginReportedMissing() {
        MajorityClass working = new MajorityClass();

        ProbeScores scores = TrialRunner.scoreFeatures(features(60, 3, 1), features(30, 3, 2), features(24, 3, 3),
                PROBE, SEED, () -> false, "t-eval", List.of(new Throwing(), working, new NanOnTest(24)));

        assertEquals(3, scores.evaluations().size());
        EvaluatorScore failed = scores.evaluations().get(0);
        assertEquals("throwing", failed.name());
        assertNull(failed.validationAccuracy());
        assertNull(failed.testAccuracy());
        assertEquals("majority-class", scores.evaluations().get(1).name());
        assertEquals(2, working.trainSeen.size(), "a plug-in after a failing one still runs");
        EvaluatorScore nan = scores.evaluations().get(2);
        assertEquals(0.5, nan.validationAccuracy(), 1e-12);
        assertNull(nan.testAccuracy(), "NaN is reported as missing");
    }

    @Test
    void builtInFiguresUnchangedByPlugins() {
        Features train = features(60, 3, 1);
        Features test = features(30, 3, 2);
        Features validation = features(24, 3, 3);

        ProbeScores without = TrialRunner.scoreFeatures(train, test, validation, PROBE, SEED, () -> false, "t-eval",
                List.of());
        ProbeScores with = TrialRunner.scoreFeatures(train, test, validation, PROBE, SEED, () -> false, "t-eval",
                List.of(new Throwing(), new MajorityClass()));

        assertNull(without.evaluations(), "no plug-ins, no list");
        assertEquals(without.linear(), with.linear());
        assertEquals(without.knn(), with.knn());
        assertEquals(without.validationLinear(), with.validationLinear());
        assertEquals(without.validationKnn(), with.validationKnn());
    }

    @Test
    void pluginsSkippedWithoutValidation() {
        MajorityClass plugin = new MajorityClass();

        ProbeScores scores = TrialRunner.scoreFeatures(features(60, 3, 1), features(30, 3, 2), null, PROBE, SEED,
                () -> false, "t-eval", List.of(plugin));

        assertNull(scores.evaluations());
        assertEquals(0, plugin.trainSeen.size());
    }

    @Test
    void cancellationStopsBeforePlugin() {
        MajorityClass plugin = new MajorityClass();

        assertThrows(TrialCancelledException.class, () -> PluginEvaluations.run(List.of(plugin),
                features(60, 3, 1), features(24, 3, 3), features(30, 3, 2), 3, SEED, "t-eval", () -> {
                    throw new TrialCancelledException("t-eval");
                }));
        assertEquals(0, plugin.trainSeen.size());
    }

    /** Returns rows of Gaussian features around a per-class centre, with labels drawn from {@code classes}. */
    private static Features features(int rows, int classes, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * COLUMNS];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            // Skewed labels, so that the majority class has a share that differs between sets.
            labels[row] = Math.min(classes - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * classes / 2.0));
            for (int column = 0; column < COLUMNS; column++) {
                values[row * COLUMNS + column] = (float) (3 * labels[row] + 10 + random.nextGaussian());
            }
        }
        return new Features(values, rows, COLUMNS, labels);
    }

    private static int majority(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int best = 0;
        for (int label = 1; label < classes; label++) {
            if (counts[label] > counts[best]) {
                best = label;
            }
        }
        return best;
    }

    private static double share(int[] labels, int label) {
        int count = 0;
        for (int value : labels) {
            if (value == label) {
                count++;
            }
        }
        return (double) count / labels.length;
    }
}
