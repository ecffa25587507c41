package dev.descent.model.message;

import java.time.Instant;

/**
 * A worker's report on a trial, as published on {@link Topics#TRIAL_EVENTS}.
 *
 * @param experimentId the trial's experiment
 * @param trialId the trial
 * @param attempt the delivery attempt the worker is running
 * @param type what happened
 * @param workerId the reporting worker
 * @param at when it happened
 * @param imagesDone pretext images processed so far in this attempt, counting every epoch
 * @param imagesTotal pretext images the attempt will process in all
 * @param loss the latest pretext loss (mean per pixel), or {@code NaN} when none is known yet
 * @param imagesPerSecond pretext training throughput so far
 * @param error the failure's message for {@link Type#FAILED}, otherwise {@code null}
 * @param validationAccuracy for {@link Type#DONE}, the linear probe's accuracy on the validation split, which search
 *        strategies rank on; otherwise {@code null}
 */
public record TrialEvent(
        String experimentId,
        String trialId,
        int attempt,
        Type type,
        String workerId,
        Instant at,
        long imagesDone,
        long imagesTotal,
        double loss,
        double imagesPerSecond,
        String error,
        Double validationAccuracy) {

    /** Creates an event without a validation accuracy, as every type but {@link Type#DONE} has. */
    public TrialEvent(String experimentId, String trialId, int attempt, Type type, String workerId, Instant at,
                      long imagesDone, long imagesTotal, double loss, double imagesPerSecond, String error) {
        this(experimentId, trialId, attempt, type, workerId, at, imagesDone, imagesTotal, loss, imagesPerSecond,
                error, null);
    }

    /** The stages of a trial as a worker reports them. */
    public enum Type {
        /** The worker took the trial and is loading data. */
        STARTED,
        /** Pretext training advanced. */
        PROGRESS,
        /** The probe phase started. */
        EVALUATING,
        /** The result was published on {@link Topics#RESULTS}. */
        DONE,
        /** The attempt failed, and {@code error} contains the reason. */
        FAILED,
        /** The worker is still running the attempt; sent every few seconds in every phase, training and probing. */
        HEARTBEAT,
        /** The worker skipped or stopped the attempt because its experiment was cancelled. */
        CANCELLED
    }
}
