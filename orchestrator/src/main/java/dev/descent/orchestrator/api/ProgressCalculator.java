package dev.descent.orchestrator.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.descent.orchestrator.store.ExperimentRecord;
import dev.descent.orchestrator.store.PublishState;
import dev.descent.orchestrator.store.TrialRecord;

/** Sums an experiment's trials into counts, image totals, a state and an ETA. */
public final class ProgressCalculator {

    private ProgressCalculator() {
    }

    /**
     * Summarises the experiment at time {@code now}.
     *
     * <p>The ETA assumes that the images still to do are processed at the average rate since the first trial
     * started, over all workers together. It ignores the probe phase, so it is an estimate of pretext training only.
     */
    public static ExperimentSummary summarize(ExperimentRecord experiment, List<TrialRecord> trials, Instant now) {
        return summarize(experiment, trials, now, false);
    }

    /**
     * Summarises the experiment at time {@code now}, as {@link #summarize(ExperimentRecord, List, Instant)} does.
     *
     * @param searchPending whether the experiment's search still has trials to add; it then counts as RUNNING
     */
    public static ExperimentSummary summarize(ExperimentRecord experiment, List<TrialRecord> trials, Instant now,
                                              boolean searchPending) {
        int queued = 0;
        int running = 0;
        int done = 0;
        int failed = 0;
        int cancelled = 0;
        long imagesDone = 0;
        long imagesTotal = 0;
        long imagesRemaining = 0;
        Instant firstStarted = null;
        for (TrialRecord trial : trials) {
            long trialDone = Math.min(trial.imagesDone(), trial.imagesTotal());
            switch (trial.state()) {
                case QUEUED, RETRYING -> queued++;
                case RUNNING -> running++;
                case DONE -> {
                    done++;
                    trialDone = trial.imagesTotal();
                }
                case FAILED -> failed++;
                case CANCELLED -> cancelled++;
                default -> throw new IllegalStateException("unknown trial state " + trial.state());
            }
            imagesDone += trialDone;
            imagesTotal += trial.imagesTotal();
            if (!trial.state().isTerminal()) {
                imagesRemaining += trial.imagesTotal() - trialDone;
            }
            if (trial.startedAt() != null && (firstStarted == null || trial.startedAt().isBefore(firstStarted))) {
                firstStarted = trial.startedAt();
            }
        }

        ExperimentState state = state(experiment, queued + running + (searchPending ? 1 : 0), failed, cancelled);
        double percentDone = imagesTotal == 0 ? 0 : Math.round(1000.0 * imagesDone / imagesTotal) / 10.0;
        Long eta = eta(queued + running, imagesDone, imagesRemaining, firstStarted, now);
        return new ExperimentSummary(experiment.id(), experiment.name(), experiment.createdAt(), state, trials.size(),
                queued, running, done, failed, cancelled, percentDone, imagesDone, imagesTotal, eta, experiment.publishError());
    }

    private static ExperimentState state(ExperimentRecord experiment, int active, int failed, int cancelled) {
        if (experiment.publishState() == PublishState.PUBLISH_FAILED) {
            return ExperimentState.PUBLISH_FAILED;
        }
        if (active > 0) {
            return ExperimentState.RUNNING;
        }
        if (cancelled > 0) {
            return ExperimentState.CANCELLED;
        }
        return failed > 0 ? ExperimentState.FAILED : ExperimentState.DONE;
    }

    private static Long eta(int active, long imagesDone, long imagesRemaining, Instant firstStarted, Instant now) {
        if (active == 0) {
            return 0L;
        }
        if (firstStarted == null || imagesDone <= 0) {
            return null;
        }
        double elapsedSeconds = Duration.between(firstStarted, now).toMillis() / 1000.0;
        if (elapsedSeconds <= 0) {
            return null;
        }
        double imagesPerSecond = imagesDone / elapsedSeconds;
        return (long) Math.ceil(imagesRemaining / imagesPerSecond);
    }
}
