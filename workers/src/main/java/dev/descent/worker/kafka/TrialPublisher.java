package dev.descent.worker.kafka;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.message.TrialResult;
import java.nio.charset.StandardCharsets;

import dev.descent.model.message.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes trial events and results as JSON, keyed by trial id. The producer is thread-safe, so the training
 * thread and the consumer thread may both call this class.
 */
public final class TrialPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(TrialPublisher.class);
    private static final long RESULT_TIMEOUT_SECONDS = 60;

    private final Producer<String, String> producer;
    private final String workerId;

    /**
     * Creates a publisher.
     *
     * @param producer a producer with acks=all and idempotence, so an acknowledged result is durable
     * @param workerId the id this worker reports
     */
    public TrialPublisher(Producer<String, String> producer, String workerId) {
        this.producer = producer;
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }

    /**
     * Sends an event without waiting for the broker; a failed send is logged, because events only inform.
     *
     * @param message the trial
     * @param type the stage
     * @param imagesDone pretext images processed so far
     * @param imagesTotal pretext images in all
     * @param loss the latest mean per-pixel loss, or {@code NaN}
     * @param imagesPerSecond throughput so far, or 0
     * @param error the failure's message for {@code FAILED}, otherwise {@code null}
     */
    public void event(TrialMessage message, TrialEvent.Type type, long imagesDone, long imagesTotal, double loss,
                      double imagesPerSecond, String error) {
        event(message, type, imagesDone, imagesTotal, loss, imagesPerSecond, error, null);
    }

    /**
     * Sends an event as {@link #event(TrialMessage, TrialEvent.Type, long, long, double, double, String)} does, with
     * the linear probe's validation accuracy that a {@code DONE} event carries.
     *
     * @param validationAccuracy the linear probe's accuracy on the validation images, or {@code null}
     */
    public void event(TrialMessage message, TrialEvent.Type type, long imagesDone, long imagesTotal, double loss,
                      double imagesPerSecond, String error, Double validationAccuracy) {
        TrialEvent event = new TrialEvent(message.experimentId(), message.trialId(), message.attempt(), type,
                workerId, Instant.now(), imagesDone, imagesTotal, loss, imagesPerSecond, error, validationAccuracy);
        producer.send(new ProducerRecord<>(Topics.TRIAL_EVENTS, message.trialId(), toJson(event)),
                (metadata, exception) -> {
                    if (exception != null) {
                        LOG.warn("Failed to publish {} event for experiment {} trial {}: {}", type,
                                message.experimentId(), message.trialId(), exception.toString());
                    }
                });
    }

    /**
     * Sends a result and waits until the broker has acknowledged it.
     *
     * @throws ResultNotPublishedException if the send failed or was not acknowledged within 60 s
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    public void result(TrialResult result) throws InterruptedException {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.RESULTS, result.trialId(), toJson(result));
        try {
            producer.send(record).get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            throw new ResultNotPublishedException(result.trialId(), e.getCause());
        }
        catch (TimeoutException e) {
            throw new ResultNotPublishedException(result.trialId(), e);
        }
    }

    /**
     * Copies a record that cannot be processed to {@link Topics#DEAD_LETTER}, with the reason and its origin in the
     * headers named in {@link DeadLetterHeaders}, and waits for the broker's acknowledgement.
     *
     * @return whether the broker acknowledged the copy within 60 s; on false the caller still skips the record,
     *     because retrying a record that cannot be parsed would stop the partition for good
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    public boolean deadLetter(ConsumerRecord<String, String> source, String reason) throws InterruptedException {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEAD_LETTER, source.key(), source.value());
        header(record, DeadLetterHeaders.REASON, reason);
        header(record, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
        header(record, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(source.partition()));
        header(record, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(source.offset()));
        header(record, DeadLetterHeaders.CONSUMER, workerId);
        try {
            producer.send(record).get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        }
        catch (ExecutionException | TimeoutException e) {
            LOG.error("Failed to copy the record at {}-{} offset {} to {}: {}", source.topic(), source.partition(),
                    source.offset(), Topics.DEAD_LETTER, e.toString());
            return false;
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    private static String toJson(Object value) {
        try {
            return Json.messages().writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("failed to serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
