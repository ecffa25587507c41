package dev.descent.orchestrator.api;

import java.time.Instant;

import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialState;

/**
 * A trial as {@code GET /api/experiments/{id}} returns it.
 *
 * @param pretextLoss the latest pretext loss, or {@code null} before the first report
 * @param imagesPerSecond the latest pretext training throughput, or {@code null} before the first report
 * @param error the failure's message while FAILED, otherwise {@code null}
 */
public record TrialView(
        String trialId,
        String pretext,
        String loss,
        long seed,
        TrialState state,
        int attempt,
        String workerId,
        long imagesDone,
        long imagesTotal,
        Double pretextLoss,
        Double imagesPerSecond,
        String error,
        Instant updatedAt) {

    static TrialView of(TrialRecord trial) {
        return new TrialView(trial.trialId(), trial.pretext(), trial.loss(), trial.seed(), trial.state(),
                trial.attempt(), trial.workerId(), trial.imagesDone(), trial.imagesTotal(), trial.pretextLoss(),
                trial.imagesPerSecond(), trial.error(), trial.updatedAt());
    }
}
