package dev.descent.orchestrator.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A plain Kafka producer for the dead-letter and control topics, which need headers and synchronous
 * acknowledgements; the trials themselves go through the {@code trials-out} channel.
 *
 * <p>The producer is created on first use, so the orchestrator starts even while the broker is down. Thread-safe.
 */
@ApplicationScoped
public class KafkaSender {

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    private Producer<String, String> producer;

    /**
     * Sends a record and waits for the broker's acknowledgement.
     *
     * @throws KafkaSendException when the send fails or is not acknowledged within {@code timeout}
     */
    public void send(ProducerRecord<String, String> record, Duration timeout) {
        try {
            producer().send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException e) {
            throw new KafkaSendException(record.topic(), String.valueOf(e.getCause()), e.getCause());
        }
        catch (TimeoutException e) {
            throw new KafkaSendException(record.topic(),
                    "timed out after " + timeout.toSeconds() + " s without an acknowledgement", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSendException(record.topic(), "interrupted while waiting for the broker", e);
        }
        catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaSendException(record.topic(), e.toString(), e);
        }
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "descent-orchestrator-sender");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
