package dev.descent.worker.kafka;

import java.util.function.BooleanSupplier;

import dev.descent.model.message.TrialMessage;
import dev.descent.worker.trial.TrialOutcome;
import dev.descent.worker.trial.TrialProgressListener;

/** Runs the trial a message describes; {@link TrialConsumerLoop} calls it on its training thread. */
@FunctionalInterface
public interface TrialExecutor {

    /**
     * Runs a trial.
     *
     * @param message the trial to run
     * @param listener receives progress
     * @param cancelled returns true once the trial should stop
     * @return the measurements
     * @throws dev.descent.worker.trial.TrialCancelledException if the trial stopped because {@code cancelled}
     *     returned true
     */
    TrialOutcome run(TrialMessage message, TrialProgressListener listener, BooleanSupplier cancelled);
}
