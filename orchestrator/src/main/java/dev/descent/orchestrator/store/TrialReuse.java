package dev.descent.orchestrator.store;

import java.time.Instant;

/**
 * A trial that an experiment counts without running it, because another experiment's run of the same config (the
 * same trial id) already finished.
 *
 * @param experimentId the experiment that reuses the result
 * @param trialId the trial id, which is the hash of the config
 * @param sourceExperimentId the experiment whose run produced the result
 * @param reusedAt when the orchestrator decided to reuse it
 */
public record TrialReuse(String experimentId, String trialId, String sourceExperimentId, Instant reusedAt) {
}
