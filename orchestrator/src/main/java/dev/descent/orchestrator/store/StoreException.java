package dev.descent.orchestrator.store;

/** Thrown when a database operation fails; the message names the operation and the ids involved. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
