package dev.descent.registry.ingest;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.model.message.TrialResult;
import dev.descent.model.trial.TrialIds;
import dev.descent.registry.metrics.ResultMetrics;
import dev.descent.registry.rank.LeaderboardCache;
import dev.descent.registry.store.ResultStore;
import dev.descent.registry.store.StoreOutcome;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code descent.results} in batches (the records of one poll) and stores the valid results of a batch in
 * one transaction.
 *
 * <p>The connector acknowledges a batch when {@link #consume} returns, and commits offsets only up to acknowledged
 * records, so a result is committed only after it is stored. Invalid records, and results the database rejects as
 * invalid, are logged with their topic, partition and offset, copied to {@code descent.dead-letter} with the reason,
 * and then acknowledged, which skips them. When the database rejects a batch, its results are stored one by one to
 * find the rejected ones. A database failure is retried with exponential backoff until the write succeeds, holding
 * back the records behind it, because losing a result is worse than waiting.
 *
 * <p>Thread-safe. With the channel's {@code concurrency} setting, several consumers of the group call
 * {@link #consume} at once, each with batches from its own partitions. Two batches can still insert the same trial at
 * once, for example when a rebalance hands a partition to the other consumer while the first is storing its records.
 * The database then fails one transaction. A primary-key violation sends its batch down the one-by-one path above, and
 * H2's concurrent-update error or a PostgreSQL deadlock is retried. Either way the retried results find the
 * committed row, so a trial is stored once and its other deliveries become links or duplicates.
 */
@ApplicationScoped
public class ResultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ResultConsumer.class);

    /** Batches up to this size log one line per result at INFO; larger ones log a summary and the rest at DEBUG. */
    private static final int LOG_EACH_UP_TO = 10;

    /** SQLState classes for invalid data (22) and constraint violations (23): retrying the same row cannot help. */
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final String INTEGRITY_CLASS = "23";

    private final ResultParser parser;
    private final ResultStore store;
    private final DeadLetterPublisher deadLetters;
    private final Duration initialDelay;
    private final Duration maxDelay;

    @Inject
    ResultMetrics metrics;

    @Inject
    LeaderboardCache leaderboards;

    @Inject
    ResultConsumer(ResultParser parser, ResultStore store, DeadLetterPublisher deadLetters,
            @ConfigProperty(name = "descent.registry.store-retry.initial-delay") Duration initialDelay,
            @ConfigProperty(name = "descent.registry.store-retry.max-delay") Duration maxDelay) {
        this.parser = parser;
        this.store = store;
        this.deadLetters = deadLetters;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Parses the records of one poll and stores the valid results in one transaction.
     *
     * @throws IllegalStateException when the thread is interrupted while waiting to retry, which fails the channel
     *         without committing the records so that the next start receives them again
     */
    @Incoming("results")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> valid = new ArrayList<>(records.count());
        List<TrialResult> results = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            TrialResult result = parse(record);
            if (result != null) {
                warnOnIdMismatch(result, record);
                valid.add(record);
                results.add(result);
            }
        }
        if (results.size() == 1) {
            storeWithRetry(results.get(0), valid.get(0));
        }
        else if (!results.isEmpty()) {
            storeBatchWithRetry(results, valid);
        }
    }

    /** Returns the record's result, or {@code null} after copying an invalid record to the dead-letter topic. */
    private TrialResult parse(ConsumerRecord<String, String> record) {
        try {
            return parser.parse(record.value());
        }
        catch (InvalidResultException e) {
            LOG.warn("Skipped invalid result at {}-{} offset {} (key {}): {}; copying it to the dead-letter topic",
                    record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
            deadLetters.publish(record, e.getMessage());
            return null;
        }
    }

    private void storeBatchWithRetry(List<TrialResult> results, List<ConsumerRecord<String, String>> records) {
        Duration delay = initialDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                List<StoreOutcome> outcomes = store.storeBatch(results);
                leaderboards.changed();
                outcomes.forEach(metrics::record);
                logOutcomes(outcomes, results, records);
                return;
            }
            catch (SQLException e) {
                if (isPermanent(e)) {
                    LOG.warn("The database rejected a batch of {} results from experiments {} (SQLState {}: {}); "
                                    + "storing them one by one", results.size(), experiments(results),
                            e.getSQLState(), e.getMessage());
                    for (int i = 0; i < results.size(); i++) {
                        storeWithRetry(results.get(i), records.get(i));
                    }
                    return;
                }
                LOG.warn("Storing a batch of {} results from experiments {} failed (attempt {}, SQLState {}: {}); "
                                + "retrying in {}", results.size(), experiments(results), attempt, e.getSQLState(),
                        e.getMessage(), delay);
            }
            sleep(delay, results.get(0));
            delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        }
    }

    private static void logOutcomes(List<StoreOutcome> outcomes, List<TrialResult> results,
            List<ConsumerRecord<String, String>> records) {
        boolean each = results.size() <= LOG_EACH_UP_TO;
        if (!each) {
            long stored = outcomes.stream().filter(StoreOutcome.STORED::equals).count();
            long linked = outcomes.stream().filter(StoreOutcome.LINKED::equals).count();
            LOG.info("Stored a batch of {} results from experiments {}: {} new, {} linked, {} duplicates",
                    results.size(), experiments(results), stored, linked, results.size() - stored - linked);
        }
        if (each || LOG.isDebugEnabled()) {
            for (int i = 0; i < results.size(); i++) {
                logOutcome(outcomes.get(i), results.get(i), records.get(i), each);
            }
        }
    }

    /** Returns the distinct experiment ids of the results, at most 5 and then a count of the others. */
    private static String experiments(List<TrialResult> results) {
        TreeSet<String> ids = new TreeSet<>();
        results.forEach(result -> ids.add(result.experimentId()));
        List<String> shown = ids.stream().limit(5).toList();
        return ids.size() <= shown.size() ? String.join(", ", shown)
                : String.join(", ", shown) + " and " + (ids.size() - shown.size()) + " more";
    }

    private void storeWithRetry(TrialResult result, ConsumerRecord<String, String> record) {
        Duration delay = initialDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                StoreOutcome outcome = store.store(result);
                leaderboards.changed();
                metrics.record(outcome);
                logOutcome(outcome, result, record, true);
                return;
            }
            catch (SQLException e) {
                if (isPermanent(e)) {
                    LOG.error("Skipped result of experiment {} trial {} at {}-{} offset {}: the database rejected "
                                    + "it (SQLState {})", result.experimentId(), result.trialId(), record.topic(),
                            record.partition(), record.offset(), e.getSQLState(), e);
                    deadLetters.publish(record, "the database rejected the result (SQLState " + e.getSQLState()
                            + "): " + e.getMessage());
                    return;
                }
                LOG.warn("Storing result of experiment {} trial {} failed (attempt {}, SQLState {}: {}); "
                                + "retrying in {}", result.experimentId(), result.trialId(), attempt,
                        e.getSQLState(), e.getMessage(), delay);
            }
            sleep(delay, result);
            delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        }
    }

    static boolean isPermanent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith(DATA_EXCEPTION_CLASS) || state.startsWith(INTEGRITY_CLASS));
    }

    private static void sleep(Duration delay, TrialResult result) {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying to store experiment " + result.experimentId()
                    + " trial " + result.trialId() + "; the record stays uncommitted", e);
        }
    }

    private static void logOutcome(StoreOutcome outcome, TrialResult result, ConsumerRecord<String, String> record,
            boolean info) {
        if (!info) {
            LOG.debug("{} result of experiment {} trial {} at {}-{} offset {}", outcome, result.experimentId(),
                    result.trialId(), record.topic(), record.partition(), record.offset());
            return;
        }
        switch (outcome) {
            case STORED -> LOG.info("Stored result of experiment {} trial {} ({} / {}, seed {}): linear probe {}, "
                            + "kNN {}", result.experimentId(), result.trialId(), result.config().pretext(),
                    result.config().loss(), result.config().seed(), result.linearProbeAccuracy(),
                    result.knnAccuracy());
            case LINKED -> LOG.info("Linked experiment {} to the stored result of trial {}",
                    result.experimentId(), result.trialId());
            case DUPLICATE -> LOG.info("Ignored duplicate result of experiment {} trial {} at {}-{} offset {}",
                    result.experimentId(), result.trialId(), record.topic(), record.partition(), record.offset());
        }
    }

    /** Logs a trial id that is not the hash of its config, which breaks deduplication by trial id. */
    private static void warnOnIdMismatch(TrialResult result, ConsumerRecord<String, String> record) {
        String expected = TrialIds.of(result.config());
        if (!expected.equals(result.trialId())) {
            // NOTE: such a result is still stored. Rejecting it would drop data whenever the producer and the
            // registry disagree only on the config's canonical form, for example after TrialConfig gains a field.
            LOG.warn("Trial id {} of experiment {} at {}-{} offset {} does not match its config's id {}",
                    result.trialId(), result.experimentId(), record.topic(), record.partition(), record.offset(),
                    expected);
        }
    }
}
