package dev.descent.worker.trial;

/** Thrown by {@link TrialRunner} when its cancellation check returned true. */
public class TrialCancelledException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param trialId the trial that was cancelled
     */
    public TrialCancelledException(String trialId) {
        super("trial " + trialId + " was cancelled");
    }
}
