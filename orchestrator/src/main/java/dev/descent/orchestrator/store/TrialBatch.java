package dev.descent.orchestrator.store;

import java.util.List;

/**
 * Trials to add to an experiment in one transaction, with the rows that describe them.
 *
 * @param trials the trial rows; reused trials are already DONE
 * @param reuses which of the trials reuse another experiment's result
 * @param searchTrials the candidate and rung of each trial for successive-halving experiments; empty otherwise
 */
public record TrialBatch(List<TrialRecord> trials, List<TrialReuse> reuses, List<SearchTrial> searchTrials) {

    public TrialBatch {
        trials = List.copyOf(trials);
        reuses = List.copyOf(reuses);
        searchTrials = List.copyOf(searchTrials);
    }
}
