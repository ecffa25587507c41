package dev.descent.worker.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import dev.descent.model.message.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of cancelled experiments, read from the compacted {@link Topics#CONTROL} topic.
 *
 * <p>Every worker reads the whole topic from the start with {@code assign()}, not {@code subscribe()}, so each worker
 * sees every record and no consumer group splits them. {@link #run()} polls on its own thread; {@link #test} may be
 * called from any thread.
 */
public final class CancelledExperiments implements Runnable, Predicate<String> {

    private static final Logger LOG = LoggerFactory.getLogger(CancelledExperiments.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    private final Consumer<String, String> consumer;
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);

    /**
     * Creates a reader.
     *
     * @param consumer a consumer without a group id; this class assigns it and closes it when {@link #run()} ends
     */
    public CancelledExperiments(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** Returns whether the experiment was cancelled, as far as this worker has read the control topic. */
    @Override
    public boolean test(String experimentId) {
        return experimentId != null && cancelled.contains(experimentId);
    }

    /** Reads the control topic until {@link #shutdown()}; a broker outage only delays the reads. */
    @Override
    public void run() {
        try {
            assignAll();
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
                    apply(record);
                }
            }
        }
        catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        }
        finally {
            consumer.close();
        }
    }

    /** Stops {@link #run()}; thread-safe. */
    public void shutdown() {
        running.set(false);
        consumer.wakeup();
    }

    private void assignAll() {
        while (running.get()) {
            try {
                List<PartitionInfo> partitions = consumer.partitionsFor(Topics.CONTROL, Duration.ofSeconds(10));
                if (partitions != null && !partitions.isEmpty()) {
                    List<TopicPartition> assigned = partitions.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
                    consumer.assign(assigned);
                    consumer.seekToBeginning(assigned);
                    LOG.info("Reading cancellations from {}", assigned);
                    return;
                }
                LOG.warn("Topic {} does not exist yet; cancellations are not seen until it does", Topics.CONTROL);
            }
            catch (KafkaException e) {
                if (e instanceof WakeupException wakeup) {
                    throw wakeup;
                }
                LOG.warn("Cannot list the partitions of {}: {}; retrying", Topics.CONTROL, e.toString());
            }
            sleep();
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        String experimentId = record.key();
        if (experimentId == null || experimentId.isBlank()) {
            LOG.warn("Ignoring a control record without an experiment id at {}-{} offset {}", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        if (Topics.CONTROL_CANCELLED.equals(record.value())) {
            if (cancelled.add(experimentId)) {
                LOG.info("Experiment {} is cancelled; its trials are skipped or stopped", experimentId);
            }
        }
        else {
            LOG.warn("Ignoring control record for experiment {} with unknown value '{}' at {}-{} offset {}",
                    experimentId, record.value(), record.topic(), record.partition(), record.offset());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(2_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
