package dev.descent.orchestrator.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.descent.orchestrator.search.SearchDriver;
import dev.descent.orchestrator.store.ExperimentRecord;
import dev.descent.orchestrator.store.ExperimentStore;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Builds the experiment views that the REST API returns. */
@ApplicationScoped
public class ExperimentQueries {

    @Inject
    ExperimentStore experiments;

    @Inject
    TrialStore trials;

    @Inject
    SearchDriver searchDriver;

    /** Returns the experiment with its trials, or empty when the id is unknown. */
    public Optional<ExperimentView> find(String experimentId) {
        return experiments.find(experimentId).map(experiment -> {
            List<TrialRecord> rows = trials.listByExperiment(experimentId);
            ExperimentSummary summary = ProgressCalculator.summarize(experiment, rows, Instant.now(),
                    searchPending(experiment, rows));
            return ExperimentView.of(summary, experiment.source(), experiment.datasetName(),
                    experiment.datasetPath(), rows.stream().map(TrialView::of).toList());
        });
    }

    /** Returns up to {@code limit} experiment summaries, newest first. */
    public List<ExperimentSummary> list(int limit) {
        Instant now = Instant.now();
        // NOTE: one trial query per experiment; fine for the default limit of 200, slow for thousands.
        return experiments.listNewestFirst(limit).stream()
                .map(experiment -> summarize(experiment, now))
                .toList();
    }

    private ExperimentSummary summarize(ExperimentRecord experiment, Instant now) {
        List<TrialRecord> rows = trials.listByExperiment(experiment.id());
        return ProgressCalculator.summarize(experiment, rows, now, searchPending(experiment, rows));
    }

    /**
     * Returns whether successive halving still has decisions to make although every trial is final: between a
     * trial's last event and the promotion it causes, the experiment must not look finished.
     */
    private boolean searchPending(ExperimentRecord experiment, List<TrialRecord> rows) {
        if (rows.stream().anyMatch(row -> !row.state().isTerminal())) {
            return false;
        }
        return searchDriver.hasPendingDecisions(experiment);
    }
}
