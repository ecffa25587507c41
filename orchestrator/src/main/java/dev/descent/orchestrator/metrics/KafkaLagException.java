package dev.descent.orchestrator.metrics;

/** Raised when the workers' consumer lag cannot be read from Kafka. */
public class KafkaLagException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the group, topic and bootstrap servers
     * @param cause the Kafka client's error
     */
    public KafkaLagException(String message, Throwable cause) {
        super(message, cause);
    }
}
