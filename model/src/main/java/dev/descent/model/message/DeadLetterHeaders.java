package dev.descent.model.message;

/** Header names of a record on {@link Topics#DEAD_LETTER}; every value is UTF-8 text. */
public final class DeadLetterHeaders {

    /** Why the consumer rejected the record, such as {@code invalid JSON: Unexpected character}. */
    public static final String REASON = "descent.dlt.reason";

    /** The topic the record came from. */
    public static final String SOURCE_TOPIC = "descent.dlt.source-topic";

    /** The partition the record came from, in decimal. */
    public static final String SOURCE_PARTITION = "descent.dlt.source-partition";

    /** The record's offset in its source partition, in decimal. */
    public static final String SOURCE_OFFSET = "descent.dlt.source-offset";

    /** The consumer that rejected it, such as {@code worker-1} or {@code registry}. */
    public static final String CONSUMER = "descent.dlt.consumer";

    private DeadLetterHeaders() {
    }
}
