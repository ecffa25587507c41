package dev.descent.orchestrator.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;

/** Plain Kafka clients for tests: read a topic from the start, and send records to a fixed partition. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * Reads {@code topic} from the beginning of every partition until {@code expected} records match, or the timeout.
     *
     * @return the matching records, possibly fewer than expected when the timeout passed
     */
    public static List<ConsumerRecord<String, String>> readMatching(String bootstrapServers, String topic,
                                                                    Predicate<ConsumerRecord<String, String>> filter,
                                                                    int expected, Duration timeout) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matching.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                }
            }
        }
        return matching;
    }

    /**
     * Sends text records to partition 0 of the trial-events topic and waits for each acknowledgement.
     *
     * <p>One partition keeps the records in send order, so a test can tell that the consumer processed a record by
     * watching the effect of a later one.
     */
    public static void sendEvents(String bootstrapServers, List<KeyedValue> records) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            for (KeyedValue record : records) {
                producer.send(new ProducerRecord<>(Topics.TRIAL_EVENTS, 0, record.key(), record.value()))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        catch (Exception e) {
            throw new IllegalStateException("sending test events to " + bootstrapServers + " failed", e);
        }
    }

    /** Returns the object as JSON with the shared message mapper. */
    public static String json(Object message) {
        try {
            return Json.messages().writeValueAsString(message);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message, e);
        }
    }

    /** A record's key and value. */
    public record KeyedValue(String key, String value) {
    }
}
