package dev.descent.orchestrator.store;

import dev.descent.model.search.Candidate;

/**
 * A successive-halving trial with what the search needs to rank it.
 *
 * @param trialId the trial
 * @param candidate the configuration it trains
 * @param rung its rung
 * @param seed its seed
 * @param state its latest state
 * @param validationAccuracy the validation-split linear-probe accuracy once DONE, or {@code null}
 */
public record SearchOutcome(String trialId, Candidate candidate, int rung, long seed, TrialState state,
                            Double validationAccuracy) {
}
