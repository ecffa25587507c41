package dev.descent.worker.kafka;

/** Thrown when a trial result could not be written to Kafka, so the trial's offset must not be committed. */
public class ResultNotPublishedException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param trialId the trial whose result was lost
     * @param cause the send's failure
     */
    public ResultNotPublishedException(String trialId, Throwable cause) {
        super("failed to publish the result of trial " + trialId + ": " + cause, cause);
    }
}
