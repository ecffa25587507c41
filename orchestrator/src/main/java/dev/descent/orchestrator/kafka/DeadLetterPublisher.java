package dev.descent.orchestrator.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.descent.model.message.DeadLetterHeaders;
import dev.descent.model.message.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/** Copies records that the orchestrator cannot process to {@link Topics#DEAD_LETTER}, with the reason. */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KafkaSender sender;

    /**
     * Copies the record with its origin and the reason in the headers named in {@link DeadLetterHeaders}. A failed
     * copy is logged and the caller skips the record anyway, because retrying it would stop the partition.
     */
    public void publish(ConsumerRecord<String, String> source, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEAD_LETTER, source.key(), source.value());
        header(record, DeadLetterHeaders.REASON, reason);
        header(record, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
        header(record, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(source.partition()));
        header(record, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(source.offset()));
        header(record, DeadLetterHeaders.CONSUMER, "orchestrator");
        try {
            sender.send(record, TIMEOUT);
        }
        catch (KafkaSendException e) {
            LOG.errorf("Failed to copy the record at %s-%d offset %d to %s: %s", source.topic(), source.partition(),
                    source.offset(), Topics.DEAD_LETTER, e.getMessage());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
