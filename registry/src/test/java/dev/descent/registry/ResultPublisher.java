package dev.descent.registry;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialResult;

/**
 * A plain Kafka producer that writes records to partition 0 of the results topic, so that the registry consumes them
 * in the order they were sent.
 */
final class ResultPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    ResultPublisher(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties);
    }

    /** Sends the result as message JSON, keyed by its trial id, and waits for the broker's acknowledgement. */
    void send(TrialResult result) {
        try {
            sendRaw(result.trialId(), Json.messages().writeValueAsString(result));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + result, e);
        }
    }

    /** Sends the value unchanged, which may be {@code null} or not JSON at all. */
    void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.RESULTS, 0, key, value)).get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + Topics.RESULTS, e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("sending to " + Topics.RESULTS + " failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
