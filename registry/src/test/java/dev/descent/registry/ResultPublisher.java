package dev.descent.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntUnaryOperator;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.ResultLink;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialResult;

/**
 * A plain Kafka producer that writes records to partition 0 of the results or result-links topic, so that the registry
 * consumes each topic's records in the order they were sent, or to chosen partitions of the results topic.
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
        sendRaw(Topics.RESULTS, key, value);
    }

    /** Sends a result link as message JSON to the result-links topic, keyed by its trial id. */
    void sendLink(ResultLink link) {
        try {
            sendRaw(Topics.RESULT_LINKS, link.trialId(), Json.messages().writeValueAsString(link));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + link, e);
        }
    }

    /**
     * Sends the values to partition 0 of {@code descent.results} without waiting in between, then flushes, so that
     * they reach the broker in one produce request and the registry usually receives them in one poll.
     */
    void sendTogether(List<String[]> keysAndValues) {
        sendTogether(keysAndValues, index -> 0);
    }

    /**
     * Sends the values to the partitions of {@code descent.results} that {@code partitionOf} gives for their index in
     * the list, without waiting in between, then flushes.
     */
    void sendTogether(List<String[]> keysAndValues, IntUnaryOperator partitionOf) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < keysAndValues.size(); i++) {
            String[] keyAndValue = keysAndValues.get(i);
            sent.add(producer.send(new ProducerRecord<>(Topics.RESULTS, partitionOf.applyAsInt(i), keyAndValue[0],
                    keyAndValue[1])));
        }
        producer.flush();
        for (Future<RecordMetadata> acknowledgement : sent) {
            try {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending to " + Topics.RESULTS, e);
            }
            catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("sending to " + Topics.RESULTS + " failed", e);
            }
        }
    }

    /** Sends the value unchanged to partition 0 of the topic and waits for the broker's acknowledgement. */
    void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
