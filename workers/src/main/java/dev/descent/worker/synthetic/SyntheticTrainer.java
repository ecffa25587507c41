package dev.descent.worker.synthetic;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import dev.descent.model.message.TrialMessage;
import dev.descent.worker.kafka.TrialExecutor;
import dev.descent.worker.trial.TrialCancelledException;
import dev.descent.worker.trial.TrialOutcome;
import dev.descent.worker.trial.TrialProgressListener;

/**
 * A stand-in for the DL4J trainer that sleeps for a fixed time and returns accuracies derived from the trial id
 * alone, for load tests of the orchestration path without the cost of training.
 *
 * <p>Select it with {@code -Ddescent.worker.trainer=synthetic} (or {@code DESCENT_WORKER_TRAINER=synthetic}) and set
 * the sleep with {@code descent.worker.synthetic.sleep-ms} (or {@code DESCENT_WORKER_SYNTHETIC_SLEEP_MS}, default
 * {@value #DEFAULT_SLEEP_MILLIS}). Its results carry the backend {@value #BACKEND}, so they are never mistaken for
 * measurements. Thread-safe: it keeps no state between trials.
 */
public final class SyntheticTrainer implements TrialExecutor {

    /** The value of {@code descent.worker.trainer} that selects this trainer. */
    public static final String NAME = "synthetic";

    /** The backend string that the outcome reports. */
    public static final String BACKEND = "synthetic (no training)";

    /** The sleep when none is configured. */
    public static final long DEFAULT_SLEEP_MILLIS = 1000;

    private static final long STEP_MILLIS = 50;
    private static final long SYNTHETIC_IMAGES = 1000;

    private final long sleepMillis;

    /**
     * Creates a trainer.
     *
     * @param sleepMillis how long each trial takes, 0 or more
     * @throws IllegalArgumentException if {@code sleepMillis} is negative
     */
    public SyntheticTrainer(long sleepMillis) {
        if (sleepMillis < 0) {
            throw new IllegalArgumentException("synthetic sleep " + sleepMillis + " ms is negative; use 0 or more");
        }
        this.sleepMillis = sleepMillis;
    }

    /** Returns whether {@code descent.worker.trainer} or {@code DESCENT_WORKER_TRAINER} selects this trainer. */
    public static boolean selected() {
        return NAME.equals(setting(System::getProperty, System.getenv(), "descent.worker.trainer",
                "DESCENT_WORKER_TRAINER"));
    }

    /**
     * Returns a trainer with the sleep from {@code descent.worker.synthetic.sleep-ms} or
     * {@code DESCENT_WORKER_SYNTHETIC_SLEEP_MS}.
     *
     * @throws IllegalArgumentException if the setting is not a whole number of milliseconds
     */
    public static SyntheticTrainer fromEnvironment() {
        String value = setting(System::getProperty, System.getenv(), "descent.worker.synthetic.sleep-ms",
                "DESCENT_WORKER_SYNTHETIC_SLEEP_MS");
        if (value == null) {
            return new SyntheticTrainer(DEFAULT_SLEEP_MILLIS);
        }
        try {
            return new SyntheticTrainer(Long.parseLong(value));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("descent.worker.synthetic.sleep-ms='" + value
                    + "' is not a whole number of milliseconds; set it to, for example, 1000", e);
        }
    }

    /**
     * Returns the linear-probe accuracy that this trainer reports for a trial: a value in [0.70, 0.90) taken from
     * the trial id's hash, so a checker can recompute it.
     */
    public static double linearProbeAccuracy(String trialId) {
        return 0.70 + 0.20 * unit(trialId.hashCode());
    }

    /** Returns the kNN accuracy that this trainer reports for a trial, in [0.65, 0.85). */
    public static double knnAccuracy(String trialId) {
        return 0.65 + 0.20 * unit(Integer.rotateLeft(trialId.hashCode(), 16));
    }

    @Override
    public TrialOutcome run(TrialMessage message, TrialProgressListener listener, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        long deadline = start + sleepMillis * 1_000_000L;
        long now;
        while ((now = System.nanoTime()) < deadline) {
            if (cancelled.getAsBoolean()) {
                throw new TrialCancelledException(message.trialId());
            }
            long done = SYNTHETIC_IMAGES * (now - start) / Math.max(1, deadline - start);
            listener.onProgress(done, SYNTHETIC_IMAGES, 0.05, 0);
            try {
                Thread.sleep(Math.max(1, Math.min(STEP_MILLIS, (deadline - now) / 1_000_000L)));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrialCancelledException(message.trialId());
            }
        }
        listener.onEvaluating();
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        String id = message.trialId();
        return new TrialOutcome(linearProbeAccuracy(id), knnAccuracy(id), linearProbeAccuracy(id) - 0.05,
                knnAccuracy(id) - 0.05, 0.05, SYNTHETIC_IMAGES / seconds, seconds, 0, BACKEND, List.of(),
                linearProbeAccuracy(id) - 0.01, knnAccuracy(id) - 0.01);
    }

    /** Maps an int to [0, 1). */
    private static double unit(int hash) {
        return (hash & 0x7fffffffL) / (double) (1L << 31);
    }

    private static String setting(Function<String, String> properties, Map<String, String> environment,
                                  String property, String variable) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
