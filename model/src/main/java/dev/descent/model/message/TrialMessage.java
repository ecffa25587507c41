package dev.descent.model.message;

import dev.descent.model.trial.TrialConfig;

/**
 * A trial to run, as published on {@link Topics#TRIALS}.
 *
 * @param experimentId the experiment the trial belongs to
 * @param trialId the config's deterministic id
 * @param attempt 1 for the first delivery; higher when the orchestrator re-queues the trial
 * @param datasetPath the folder holding the dataset's files on the workers
 * @param config what to train and how to evaluate it
 */
public record TrialMessage(String experimentId, String trialId, int attempt, String datasetPath, TrialConfig config) {
}
