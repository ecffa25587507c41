package dev.descent.registry.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.WorkerCatalog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads {@value Topics#WORKER_CATALOGS} from the beginning on a thread of its own, into {@link WorkerCatalogs}.
 *
 * <p>The consumer joins no group and assigns itself every partition, so each registry instance reads every catalog
 * and commits nothing.
 */
@ApplicationScoped
public class WorkerCatalogReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerCatalogReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final long STOP_WAIT_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 1_000;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @Inject
    WorkerCatalogs book;

    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        consumer = new KafkaConsumer<>(settings());
        running = true;
        thread = new Thread(this, "descent-worker-catalog-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(STOP_WAIT_MILLIS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        try {
            if (assignAll()) {
                LOG.info("Reading worker catalogs from {} on {}", Topics.WORKER_CATALOGS, bootstrapServers);
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        accept(record);
                    }
                }
            }
        }
        catch (WakeupException e) {
            // onStop() woke the consumer to end the loop.
        }
        catch (KafkaException e) {
            LOG.error("Reading worker catalogs from {} failed: {}; the catalog endpoints miss new announcements "
                    + "until the registry restarts", Topics.WORKER_CATALOGS, e.getMessage(), e);
        }
        finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Waits until the topic exists, then assigns every partition from the start; false when stopped first. */
    private boolean assignAll() {
        boolean warned = false;
        while (running) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(Topics.WORKER_CATALOGS, METADATA_TIMEOUT);
            }
            catch (org.apache.kafka.common.errors.TimeoutException e) {
                partitions = List.of();
            }
            if (partitions != null && !partitions.isEmpty()) {
                List<TopicPartition> assigned = partitions.stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
                return true;
            }
            if (!warned) {
                LOG.warn("Topic {} is not on {} yet; retrying until it exists. Until then no worker "
                        + "counts as live", Topics.WORKER_CATALOGS, bootstrapServers);
                warned = true;
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void accept(ConsumerRecord<String, String> record) {
        String workerId = record.key();
        if (workerId == null) {
            LOG.warn("Skipped a worker catalog without key at {}-{} offset {}; workers key their catalog by id",
                    record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            book.remove(workerId);
            LOG.info("Worker {} withdrew its catalog", workerId);
            return;
        }
        WorkerCatalog catalog;
        try {
            catalog = Json.messages().readValue(record.value(), WorkerCatalog.class);
        }
        catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Skipped invalid catalog of worker {} at {}-{} offset {}: {}", workerId, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        for (String plugin : book.put(workerId, catalog)) {
            LOG.info("Worker {}: {}", workerId, plugin);
        }
        LOG.debug("Worker {} announced {} losses and {} pretext tasks at {}", workerId, catalog.losses().size(),
                catalog.pretextTasks().size(), catalog.announcedAt());
    }

    private Properties settings() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "descent-registry-catalogs-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
