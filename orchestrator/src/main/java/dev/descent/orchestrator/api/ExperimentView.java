package dev.descent.orchestrator.api;

import java.time.Instant;
import java.util.List;

/**
 * An experiment with its trials, as {@code GET /api/experiments/{id}} returns it; the fields shared with
 * {@link ExperimentSummary} mean the same.
 *
 * @param source the file name the client gave at submission
 * @param datasetPath the dataset folder sent to the workers
 * @param trials the trials in grid order: pretext task, then loss, then seed
 */
public record ExperimentView(
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
        String publishError,
        String source,
        String dataset,
        String datasetPath,
        List<TrialView> trials) {

    static ExperimentView of(ExperimentSummary summary, String source, String dataset, String datasetPath,
                             List<TrialView> trials) {
        return new ExperimentView(summary.id(), summary.name(), summary.createdAt(), summary.state(),
                summary.total(), summary.queued(), summary.running(), summary.done(), summary.failed(), summary.cancelled(),
                summary.percentDone(), summary.imagesDone(), summary.imagesTotal(), summary.etaSeconds(),
                summary.publishError(), source, dataset, datasetPath, List.copyOf(trials));
    }
}
