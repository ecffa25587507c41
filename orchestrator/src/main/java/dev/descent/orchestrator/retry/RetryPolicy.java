package dev.descent.orchestrator.retry;

import java.time.Duration;
import java.time.Instant;

import dev.descent.orchestrator.config.OrchestratorConfig;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Decides whether a failed attempt is retried, and when. */
@ApplicationScoped
public class RetryPolicy {

    @Inject
    OrchestratorConfig config;

    /** Returns whether a trial whose attempt number {@code attempt} failed gets another attempt. */
    public boolean hasAttemptsLeft(int attempt) {
        return attempt < config.maxAttempts();
    }

    /** Returns the configured maximum number of attempts. */
    public int maxAttempts() {
        return config.maxAttempts();
    }

    /**
     * Returns the wait after the failure of attempt {@code attempt}: {@code retry-backoff} after the first, doubling
     * with each further attempt, capped at {@code retry-backoff-max}.
     */
    public Duration backoff(int attempt) {
        Duration base = config.retryBackoff();
        Duration max = config.retryBackoffMax();
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Returns whether a RETRYING trial's backoff has passed at {@code now}; its update time is when it failed. */
    public boolean isDue(TrialRecord trial, Instant now) {
        return trial.state() == TrialState.RETRYING && !trial.updatedAt().plus(backoff(trial.attempt())).isAfter(now);
    }

    /** Returns the trial as stored after a FAILED event: RETRYING while attempts remain, otherwise unchanged. */
    public TrialRecord afterFailure(TrialRecord failed) {
        if (failed.state() != TrialState.FAILED || !hasAttemptsLeft(failed.attempt())) {
            return failed;
        }
        return new TrialRecord(failed.experimentId(), failed.trialId(), failed.gridIndex(), failed.pretext(),
                failed.loss(), failed.seed(), failed.configJson(), TrialState.RETRYING, failed.attempt(),
                failed.workerId(), failed.imagesDone(), failed.imagesTotal(), failed.pretextLoss(),
                failed.imagesPerSecond(), failed.error(), failed.startedAt(), failed.updatedAt());
    }
}
