package dev.descent.registry.ingest;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.model.message.ResultLink;
import dev.descent.registry.metrics.ResultMetrics;
import dev.descent.registry.rank.LeaderboardCache;
import dev.descent.registry.store.LinkOutcome;
import dev.descent.registry.store.LinkStore;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code descent.result-links} and stores each valid link, with the same guarantees as
 * {@link ResultConsumer}: a record is committed only after its link is stored, invalid records are logged and copied
 * to {@code descent.dead-letter}, and database failures are retried with exponential backoff until the write
 * succeeds. A redelivered link changes nothing.
 */
@ApplicationScoped
public class ResultLinkConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ResultLinkConsumer.class);

    private final ResultLinkParser parser;
    private final LinkStore store;
    private final DeadLetterPublisher deadLetters;
    private final LeaderboardCache leaderboards;
    private final ResultMetrics metrics;
    private final Duration initialDelay;
    private final Duration maxDelay;

    @Inject
    ResultLinkConsumer(ResultLinkParser parser, LinkStore store, DeadLetterPublisher deadLetters,
            LeaderboardCache leaderboards, ResultMetrics metrics,
            @ConfigProperty(name = "descent.registry.store-retry.initial-delay") Duration initialDelay,
            @ConfigProperty(name = "descent.registry.store-retry.max-delay") Duration maxDelay) {
        this.parser = parser;
        this.store = store;
        this.deadLetters = deadLetters;
        this.leaderboards = leaderboards;
        this.metrics = metrics;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Parses and stores one record.
     *
     * @throws IllegalStateException when the thread is interrupted while waiting to retry, which fails the channel
     *         without committing the record so that the next start receives it again
     */
    @Incoming("result-links")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        ResultLink link;
        try {
            link = parser.parse(record.value());
        }
        catch (InvalidResultException e) {
            LOG.warn("Skipped invalid result link at {}-{} offset {} (key {}): {}; copying it to the dead-letter "
                    + "topic", record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
            deadLetters.publish(record, e.getMessage());
            return;
        }
        Duration delay = initialDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                LinkOutcome outcome = store.store(link);
                leaderboards.changed();
                metrics.recordLink(outcome);
                LOG.info("{} experiment {} to the result of trial {} from experiment {}",
                        outcome == LinkOutcome.LINKED ? "Linked" : "Ignored duplicate link of", link.experimentId(),
                        link.trialId(), link.sourceExperimentId());
                return;
            }
            catch (SQLException e) {
                if (ResultConsumer.isPermanent(e)) {
                    LOG.error("Skipped link of experiment {} to trial {} at {}-{} offset {}: the database rejected "
                                    + "it (SQLState {})", link.experimentId(), link.trialId(), record.topic(),
                            record.partition(), record.offset(), e.getSQLState(), e);
                    deadLetters.publish(record, "the database rejected the link (SQLState " + e.getSQLState()
                            + "): " + e.getMessage());
                    return;
                }
                LOG.warn("Storing link of experiment {} to trial {} failed (attempt {}, SQLState {}: {}); retrying "
                                + "in {}", link.experimentId(), link.trialId(), attempt, e.getSQLState(),
                        e.getMessage(), delay);
            }
            sleep(delay, link);
            delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        }
    }

    private static void sleep(Duration delay, ResultLink link) {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying to store the link of experiment "
                    + link.experimentId() + " to trial " + link.trialId() + "; the record stays uncommitted", e);
        }
    }
}
