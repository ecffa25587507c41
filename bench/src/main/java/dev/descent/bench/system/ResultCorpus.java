package dev.descent.bench.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.descent.model.message.LossPoint;
import dev.descent.model.message.TrialResult;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.PretextTask;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.Baseline;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;
import dev.descent.model.trial.TrialIds;

/**
 * Numbered, deterministic trial results that look like real ones: several datasets, every built-in pretext task and
 * loss plus the three baselines, many seeds and training budgets, a 100-point loss curve, and accuracies that depend
 * on the loss and budget with seed noise. Result {@code i} is always the same, and distinct numbers give distinct
 * configs and therefore distinct trial ids. Thread-safe.
 */
public final class ResultCorpus {

    /** Results per experiment id. */
    public static final int PER_EXPERIMENT = 1000;

    /** Points in each loss curve; real workers send about 100. */
    public static final int CURVE_POINTS = 100;

    private static final List<String> DATASETS = List.of("fashion-mnist", "mnist", "kmnist", "emnist-letters");
    private static final int[] PRETRAIN_IMAGES = {1000, 2000, 5000, 10000, 20000};
    private static final int[] EPOCHS = {1, 2, 5};

    private final String experimentPrefix;
    private final List<String[]> tasks = new ArrayList<>();

    /** Creates a corpus whose experiment ids start with the given prefix, such as {@code e-bench-}. */
    public ResultCorpus(String experimentPrefix) {
        this.experimentPrefix = experimentPrefix;
        for (String pretext : PretextTask.ids()) {
            for (String loss : LossFunction.ids()) {
                tasks.add(new String[] {pretext, loss});
            }
        }
        for (String baseline : Baseline.ids()) {
            tasks.add(new String[] {Baseline.PRETEXT, baseline});
        }
    }

    /** Returns the experiment id of result {@code i}. */
    public String experimentId(long i) {
        return String.format("%s%06d", experimentPrefix, i / PER_EXPERIMENT);
    }

    /** Returns result number {@code i}, 0 or more. */
    public TrialResult result(long i) {
        // Mixed radix: dataset, then task, then seed; the budget follows from the seed, so that baselines without
        // a training budget still get distinct configs.
        String dataset = DATASETS.get((int) (i % DATASETS.size()));
        String[] task = tasks.get((int) (i / DATASETS.size() % tasks.size()));
        long seed = i / ((long) DATASETS.size() * tasks.size()) + 1;
        int pretrainImages = PRETRAIN_IMAGES[(int) (seed % PRETRAIN_IMAGES.length)];
        int epochs = EPOCHS[(int) (seed / PRETRAIN_IMAGES.length % EPOCHS.length)];

        boolean baseline = Baseline.PRETEXT.equals(task[0]);
        TrainingSpec training = new TrainingSpec(epochs, 64, 0.001, pretrainImages);
        ProbeSpec probe = new ProbeSpec(10000, 2000, 10, 20);
        TrialConfig config = baseline && !task[1].equals(Baseline.SUPERVISED.id())
                ? new TrialConfig(dataset, task[1].equals(Baseline.RAW_PIXELS.id()) ? null : TrialExpander.ENCODER,
                        Baseline.PRETEXT, task[1], seed, null, probe)
                : new TrialConfig(dataset, TrialExpander.ENCODER, task[0], task[1], seed, training, probe);

        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 17);
        double budget = Math.log10((double) pretrainImages * epochs) / 5.0;
        double lossEffect = 0.004 * Math.floorMod(task[1].hashCode(), 7);
        double linear = clamp(0.80 + 0.03 * budget + lossEffect + 0.01 * random.nextGaussian());
        double knn = clamp(linear - 0.03 + 0.008 * random.nextGaussian());
        double randomLinear = clamp(0.81 + 0.01 * random.nextGaussian());
        double randomKnn = clamp(randomLinear - 0.04 + 0.008 * random.nextGaussian());
        double finalLoss = 0.02 + 0.02 * random.nextDouble();
        long images = (long) pretrainImages * epochs;
        List<LossPoint> curve = new ArrayList<>(CURVE_POINTS);
        for (int p = 1; p <= CURVE_POINTS; p++) {
            curve.add(new LossPoint(images * p / CURVE_POINTS, finalLoss * (1 + 4.0 / p)));
        }
        double wallSeconds = 5 + images / 450.0 + random.nextDouble();
        Instant finishedAt = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i * 7);
        return new TrialResult(experimentId(i), TrialIds.of(config), 1, config, linear, knn, randomLinear, randomKnn,
                finalLoss, wallSeconds, images / wallSeconds, "bench-worker-" + (i % 24),
                "CPU (nd4j-native, oneDNN helpers on)", finishedAt, curve);
    }

    private static double clamp(double accuracy) {
        return Math.max(0, Math.min(1, accuracy));
    }
}
