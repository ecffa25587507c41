package dev.descent.registry.ingest;

/**
 * Thrown when a record on the results topic is not a valid {@link dev.descent.model.message.TrialResult}, or a record
 * on the result-links topic not a valid {@link dev.descent.model.message.ResultLink}.
 */
public class InvalidResultException extends Exception {

    private final String field;

    /**
     * @param field the JSON path of the offending field, such as {@code config.pretext}, or {@code $} for the whole
     *        payload
     * @param message what is wrong, with the offending value
     */
    public InvalidResultException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** Returns the JSON path of the offending field. */
    public String field() {
        return field;
    }
}
