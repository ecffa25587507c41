package dev.descent.orchestrator.kafka;

/** Thrown when the broker did not acknowledge a record that {@link KafkaSender} sent. */
public class KafkaSendException extends RuntimeException {

    public KafkaSendException(String topic, String reason, Throwable cause) {
        super("sending to " + topic + " failed: " + reason, cause);
    }
}
