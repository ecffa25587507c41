package dev.descent.orchestrator.api;

import java.time.Instant;

/**
 * An experiment's progress without its trials, as {@code GET /api/experiments} lists it.
 *
 * @param queued trials waiting for a worker, including RETRYING ones waiting for their backoff
 * @param cancelled trials stopped or skipped because the experiment was cancelled
 * @param percentDone {@code 100 * imagesDone / imagesTotal}, rounded to one decimal
 * @param imagesDone pretext images processed over all trials, counting a DONE trial as all its images
 * @param imagesTotal pretext images all trials process in all
 * @param etaSeconds an estimate of the seconds until the last QUEUED or RUNNING trial finishes pretext training, or
 *        {@code null} until a worker has reported progress; 0 once no trial is QUEUED or RUNNING
 * @param publishError why publishing the trials failed, or {@code null}
 */
public record ExperimentSummary(
        String id,
        String name,
        Instant createdAt,
        ExperimentState state,
        int total,
        int queued,
        int running,
        int done,
        int failed,
        int cancelled,
        double percentDone,
        long imagesDone,
        long imagesTotal,
        Long etaSeconds,
        String publishError) {
}
