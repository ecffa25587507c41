package dev.descent.orchestrator.store;

/** Thrown when an experiment id is already taken, so the caller can draw a new one. */
public class DuplicateExperimentIdException extends RuntimeException {

    public DuplicateExperimentIdException(String experimentId, Throwable cause) {
        super("experiment id " + experimentId + " already exists", cause);
    }
}
