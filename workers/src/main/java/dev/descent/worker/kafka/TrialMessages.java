package dev.descent.worker.kafka;

import dev.descent.model.message.TrialMessage;

/** Checks that a parsed trial message has every field a worker needs before it trains. */
final class TrialMessages {

    private TrialMessages() {
    }

    /** Returns why the message cannot be run, or {@code null} when it can. */
    static String invalidReason(TrialMessage message) {
        if (message == null) {
            return "the value is JSON null";
        }
        if (message.experimentId() == null || message.experimentId().isBlank()) {
            return "experimentId is missing";
        }
        if (message.trialId() == null || message.trialId().isBlank()) {
            return "trialId is missing";
        }
        if (message.attempt() < 1) {
            return "attempt is " + message.attempt() + "; it must be 1 or more";
        }
        if (message.config() == null) {
            return "config is missing";
        }
        if (message.config().probe() == null) {
            return "config.probe is missing";
        }
        // Baseline trials that train nothing, such as raw pixels, have no training budget.
        if (message.config().training() != null
                && (message.config().training().epochs() < 1 || message.config().training().pretrainImages() < 1)) {
            return "config.training.epochs and config.training.pretrain-images must be 1 or more";
        }
        return null;
    }
}
