package dev.descent.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.descent.model.message.LossPoint;
import dev.descent.model.message.TrialResult;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialIds;

/** Builds trial results for tests, with trial ids derived from the config as the orchestrator derives them. */
final class TestResults {

    private TestResults() {
    }

    /** Returns a new experiment id that no other test uses. */
    static String newExperimentId() {
        return "e-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Returns a trial config. The encoder name carries {@code nonce}, so tests that share a database never share
     * trial ids by accident.
     */
    static TrialConfig config(String nonce, String dataset, String pretext, String loss, long seed) {
        return new TrialConfig(dataset, "conv-ae-" + nonce, pretext, loss, seed,
                new TrainingSpec(1, 128, 1e-3, 10_000), new ProbeSpec(10_000, 2_000, 10, 20));
    }

    /** Returns a result for the config with the given accuracies, fixed timing figures and a two-point loss curve. */
    static TrialResult result(String experimentId, TrialConfig config, double linear, double knn,
            double randomLinear, double randomKnn) {
        return new TrialResult(experimentId, TrialIds.of(config), 1, config, linear, knn, randomLinear, randomKnn,
                0.0123, 42.5, 450.0, "worker-test", "CPU (test)", Instant.parse("2026-12-04T10:15:30Z"),
                List.of(new LossPoint(5_000, 0.02), new LossPoint(10_000, 0.0123)));
    }
}
