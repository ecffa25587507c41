package dev.descent.orchestrator.store;

import java.time.Instant;

/**
 * A trial row: the trial's config and its latest known state.
 *
 * @param experimentId the experiment the trial belongs to
 * @param trialId the deterministic id from {@code TrialIds.of}
 * @param gridIndex the trial's position in the grid (pretext task, then loss, then seed), from 0
 * @param pretext the pretext task's name
 * @param loss the loss function's name
 * @param seed the trial's seed
 * @param configJson the trial config as JSON
 * @param state the latest state
 * @param attempt the delivery attempt the latest event came from; 1 until a worker reports
 * @param workerId the worker that reported last, or {@code null}
 * @param imagesDone pretext images processed in the current attempt; all of them once DONE
 * @param imagesTotal pretext images the attempt processes in all, from the config until a worker reports it
 * @param pretextLoss the latest pretext loss, or {@code null} when none is known
 * @param imagesPerSecond the latest pretext training throughput, or {@code null} when none is known
 * @param error the failure's message while FAILED, otherwise {@code null}
 * @param startedAt when the orchestrator received the first event of the trial, or {@code null}
 * @param updatedAt when the orchestrator last changed the row
 */
public record TrialRecord(
        String experimentId,
        String trialId,
        int gridIndex,
        String pretext,
        String loss,
        long seed,
        String configJson,
        TrialState state,
        int attempt,
        String workerId,
        long imagesDone,
        long imagesTotal,
        Double pretextLoss,
        Double imagesPerSecond,
        String error,
        Instant startedAt,
        Instant updatedAt) {
}
