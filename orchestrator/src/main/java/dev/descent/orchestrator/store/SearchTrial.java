package dev.descent.orchestrator.store;

import dev.descent.model.search.Candidate;

/**
 * A trial of a successive-halving experiment with the candidate and rung it belongs to.
 *
 * @param experimentId the experiment
 * @param trialId the trial
 * @param candidate the configuration the trial trains, apart from its seed and budget
 * @param rung the rung, from 0 for the smallest budget
 */
public record SearchTrial(String experimentId, String trialId, Candidate candidate, int rung) {
}
