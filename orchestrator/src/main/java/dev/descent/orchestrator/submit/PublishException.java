package dev.descent.orchestrator.submit;

/** Thrown when the broker did not acknowledge every trial of an experiment. */
public class PublishException extends RuntimeException {

    private final String experimentId;

    public PublishException(String experimentId, String message, Throwable cause) {
        super(message, cause);
        this.experimentId = experimentId;
    }

    /** Returns the experiment whose trials were not all published; it is stored with state PUBLISH_FAILED. */
    public String experimentId() {
        return experimentId;
    }
}
