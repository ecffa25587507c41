package dev.descent.model.message;

import java.time.Instant;

/**
 * Says that an experiment counts a trial whose result is already stored, as published on {@link Topics#RESULT_LINKS}.
 * The orchestrator sends one instead of the trial when memoization finds the trial's config hash among finished trials.
 *
 * @param experimentId the experiment that reuses the result
 * @param trialId the reused trial, whose id is the hash of its canonical config
 * @param sourceExperimentId the experiment whose run produced the result
 * @param linkedAt when the orchestrator decided to reuse it
 */
public record ResultLink(String experimentId, String trialId, String sourceExperimentId, Instant linkedAt) {
}
