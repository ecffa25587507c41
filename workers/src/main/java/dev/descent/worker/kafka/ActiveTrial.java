package dev.descent.worker.kafka;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.descent.model.message.TrialMessage;
import org.apache.kafka.common.TopicPartition;

/**
 * The trial a worker is running, with the record it came from.
 *
 * <p>{@code cancelled} stops the training thread; {@code revoked} records that the partition went to another member,
 * so the offset must not be committed here.
 */
final class ActiveTrial {

    final TrialMessage message;
    final TopicPartition partition;
    final long offset;
    final AtomicBoolean cancelled = new AtomicBoolean();
    volatile boolean revoked;
    Future<TrialAttempt> future;

    ActiveTrial(TrialMessage message, TopicPartition partition, long offset) {
        this.message = message;
        this.partition = partition;
        this.offset = offset;
    }

    void cancel() {
        cancelled.set(true);
    }
}
