package dev.descent.registry.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.model.message.DeadLetterHeaders;
import dev.descent.model.message.Topics;

/**
 * Copies result records that the registry cannot store to {@link Topics#DEAD_LETTER}, with the reason and the
 * record's origin in the headers named in {@link DeadLetterHeaders}. The producer is created on first use.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final long TIMEOUT_SECONDS = 30;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    private Producer<String, String> producer;

    /**
     * Copies the record and waits for the broker. A failed copy is logged and the caller skips the record anyway,
     * because retrying a record that can never be stored would stop the partition.
     */
    public void publish(ConsumerRecord<String, String> source, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEAD_LETTER, source.key(), source.value());
        header(record, DeadLetterHeaders.REASON, reason);
        header(record, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
        header(record, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(source.partition()));
        header(record, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(source.offset()));
        header(record, DeadLetterHeaders.CONSUMER, "registry");
        try {
            producer().send(record).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.error("Failed to copy the record at {}-{} offset {} to {}: {}", source.topic(), source.partition(),
                    source.offset(), Topics.DEAD_LETTER, e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted while copying the record at {}-{} offset {} to {}", source.topic(),
                    source.partition(), source.offset(), Topics.DEAD_LETTER);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "descent-registry-dead-letter");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
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
