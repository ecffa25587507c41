package dev.descent.worker.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.message.TrialResult;
import dev.descent.worker.trial.TrialCancelledException;
import dev.descent.worker.trial.TrialOutcome;
import dev.descent.worker.trial.TrialProgressListener;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's consumer loop: takes one trial at a time from {@link Topics#TRIALS}, trains it on a separate thread,
 * publishes events and the result, and commits the record's offset only after the result is acknowledged.
 *
 * <p>While a trial trains, the loop pauses every assigned partition and keeps calling {@code poll()}, so the consumer
 * keeps heartbeating and stays in the group however long the trial takes. If a rebalance revokes the trial's
 * partition, the trial is cancelled and its offset is not committed, so the partition's new owner runs it again. A
 * result that was already published before the revocation is then published twice under the same trial id.
 *
 * <p>Only the thread that calls {@link #run()} touches the consumer; {@link #shutdown()} may be called from any
 * thread.
 */
public final class TrialConsumerLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TrialConsumerLoop.class);

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    /** The minimum time between two PROGRESS events of a trial. */
    static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    /**
     * The time between two HEARTBEAT events while a trial runs, in every phase; the orchestrator re-queues a trial
     * that sends no event for {@code descent.orchestrator.heartbeat-timeout} (default 30 s).
     */
    static final long HEARTBEAT_INTERVAL_NANOS = 3_000_000_000L;

    private final Consumer<String, String> consumer;
    private final TrialPublisher publisher;
    private final TrialExecutor executor;
    private final Predicate<String> experimentCancelled;
    private final ExecutorService trainer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile ActiveTrial active;
    private long lastHeartbeat;

    /**
     * Creates a loop.
     *
     * @param consumer a consumer with auto-commit off and {@code max.poll.records=1}; the loop subscribes it and
     *     closes it when it ends
     * @param publisher sends events and results
     * @param executor runs trials
     */
    public TrialConsumerLoop(Consumer<String, String> consumer, TrialPublisher publisher, TrialExecutor executor) {
        this(consumer, publisher, executor, experimentId -> false);
    }

    /**
     * Creates a loop that skips and stops the trials of cancelled experiments.
     *
     * @param experimentCancelled returns true for an experiment id that was cancelled; called from both threads
     */
    public TrialConsumerLoop(Consumer<String, String> consumer, TrialPublisher publisher, TrialExecutor executor,
                             Predicate<String> experimentCancelled) {
        this.consumer = consumer;
        this.publisher = publisher;
        this.executor = executor;
        this.experimentCancelled = experimentCancelled;
        this.trainer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "descent-trainer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Polls and runs trials until {@link #shutdown()} is called; closes the consumer before returning. */
    @Override
    public void run() {
        consumer.subscribe(List.of(Topics.TRIALS), new RebalanceListener());
        LOG.info("Worker {} subscribed to {} in group {}", publisher.workerId(), Topics.TRIALS, Topics.WORKER_GROUP);
        try {
            while (running.get()) {
                // While a trial trains, its partitions are paused: poll without blocking to keep the membership
                // alive, then block on the trial instead, so that the next trial starts as soon as this one ends.
                Duration pollTimeout = active == null ? POLL_TIMEOUT : Duration.ZERO;
                for (ConsumerRecord<String, String> record : consumer.poll(pollTimeout)) {
                    handle(record);
                }
                ActiveTrial trial = active;
                if (trial != null && awaitDone(trial)) {
                    finish(trial);
                }
                else if (trial != null) {
                    heartbeat(trial);
                }
            }
        }
        catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        }
        finally {
            ActiveTrial trial = active;
            if (trial != null) {
                trial.cancel();
                LOG.info("Experiment {} trial {}: abandoned at shutdown; its offset stays uncommitted",
                        trial.message.experimentId(), trial.message.trialId());
            }
            trainer.shutdownNow();
            consumer.close();
            LOG.info("Worker {} left group {}", publisher.workerId(), Topics.WORKER_GROUP);
        }
    }

    /** Waits up to the poll timeout for the trial's thread to end, and returns whether it has ended. */
    private static boolean awaitDone(ActiveTrial trial) {
        try {
            trial.future.get(POLL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException e) {
            return false;
        }
        catch (ExecutionException | CancellationException e) {
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return trial.future.isDone();
        }
    }

    /** Stops the loop: cancels the current trial without committing it and wakes the consumer. Thread-safe. */
    public void shutdown() {
        running.set(false);
        ActiveTrial trial = active;
        if (trial != null) {
            trial.cancel();
        }
        consumer.wakeup();
    }

    private void handle(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (active != null) {
            // Only reachable if a record was fetched before its partition was paused: read it again later.
            consumer.seek(partition, record.offset());
            consumer.pause(List.of(partition));
            return;
        }
        TrialMessage message = parse(record);
        if (message == null) {
            commit(partition, record.offset());
            return;
        }
        if (experimentCancelled.test(message.experimentId())) {
            LOG.info("Experiment {} trial {}: skipped attempt {} because the experiment is cancelled",
                    message.experimentId(), message.trialId(), message.attempt());
            publisher.event(message, TrialEvent.Type.CANCELLED, 0, totalImages(message), Double.NaN, 0, null);
            commit(partition, record.offset());
            return;
        }
        ActiveTrial trial = new ActiveTrial(message, partition, record.offset());
        consumer.pause(consumer.assignment());
        active = trial;
        LOG.info("Experiment {} trial {}: started attempt {} ({} {} seed {}) from {} offset {}",
                message.experimentId(), message.trialId(), message.attempt(), message.config().pretext(),
                message.config().loss(), message.config().seed(), partition, record.offset());
        publisher.event(message, TrialEvent.Type.STARTED, 0, totalImages(message), Double.NaN, 0, null);
        lastHeartbeat = System.nanoTime();
        trial.future = trainer.submit(() -> attempt(trial));
    }

    /** Returns the record's trial, or null after copying an unusable record to the dead-letter topic. */
    private TrialMessage parse(ConsumerRecord<String, String> record) {
        String reason;
        if (record.value() == null) {
            reason = "the value is empty";
        }
        else {
            try {
                TrialMessage message = Json.messages().readValue(record.value(), TrialMessage.class);
                reason = TrialMessages.invalidReason(message);
                if (reason == null) {
                    return message;
                }
            }
            catch (JsonProcessingException e) {
                reason = "invalid JSON: " + e.getOriginalMessage();
            }
        }
        LOG.warn("Skipping trial record at {}-{} offset {} (key {}): {}; copying it to {}", record.topic(),
                record.partition(), record.offset(), record.key(), reason, Topics.DEAD_LETTER);
        try {
            publisher.deadLetter(record, reason);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Runs on the training thread. */
    private TrialAttempt attempt(ActiveTrial trial) {
        TrialMessage message = trial.message;
        long start = System.nanoTime();
        TrialOutcome outcome;
        BooleanSupplier stop = () -> trial.cancelled.get() || experimentCancelled.test(message.experimentId());
        try {
            outcome = executor.run(message, new ProgressEvents(message), stop);
        }
        catch (TrialCancelledException e) {
            if (!trial.cancelled.get() && experimentCancelled.test(message.experimentId())) {
                return new TrialAttempt(TrialAttempt.Status.CANCELLED, "the experiment was cancelled");
            }
            return new TrialAttempt(TrialAttempt.Status.ABANDONED, e.getMessage());
        }
        catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("Experiment {} trial {}: failed: {}", message.experimentId(), message.trialId(), error, e);
            publisher.event(message, TrialEvent.Type.FAILED, 0, totalImages(message), Double.NaN, 0, error);
            return new TrialAttempt(TrialAttempt.Status.FAILED, error);
        }
        if (trial.cancelled.get()) {
            return new TrialAttempt(TrialAttempt.Status.ABANDONED, "cancelled after training");
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        TrialResult result = new TrialResult(message.experimentId(), message.trialId(), message.attempt(),
                message.config(), outcome.linearProbeAccuracy(), outcome.knnAccuracy(),
                outcome.randomEncoderLinearProbeAccuracy(), outcome.randomEncoderKnnAccuracy(),
                outcome.finalPretextLoss(), wallSeconds, outcome.imagesPerSecond(), publisher.workerId(),
                outcome.backend(), Instant.now(), outcome.lossCurve(), outcome.validationLinearProbeAccuracy(),
                outcome.validationKnnAccuracy(), outcome.labelFractions(), outcome.evaluations());
        try {
            publisher.result(result);
        }
        catch (ResultNotPublishedException | KafkaException e) {
            LOG.error("Experiment {} trial {}: {}; the trial will be redelivered", message.experimentId(),
                    message.trialId(), e.getMessage());
            return new TrialAttempt(TrialAttempt.Status.ABANDONED, e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TrialAttempt(TrialAttempt.Status.ABANDONED, "interrupted while publishing the result");
        }
        publisher.event(message, TrialEvent.Type.DONE, totalImages(message), totalImages(message),
                outcome.finalPretextLoss(), outcome.imagesPerSecond(), null, outcome.validationLinearProbeAccuracy());
        LOG.info("Experiment {} trial {}: done in {} s at {} images/s; linear probe {} (random encoder {}),"
                        + " kNN {} (random encoder {}), validation linear probe {} kNN {}, final pretext loss {}",
                message.experimentId(), message.trialId(), format(wallSeconds), format(outcome.imagesPerSecond()),
                format(outcome.linearProbeAccuracy()), format(outcome.randomEncoderLinearProbeAccuracy()),
                format(outcome.knnAccuracy()), format(outcome.randomEncoderKnnAccuracy()),
                format(outcome.validationLinearProbeAccuracy()), format(outcome.validationKnnAccuracy()),
                String.format("%.5f", outcome.finalPretextLoss()));
        return new TrialAttempt(TrialAttempt.Status.PUBLISHED, null);
    }

    /** Runs on the consumer thread once the training thread has returned. */
    private void finish(ActiveTrial trial) {
        active = null;
        TrialAttempt attempt;
        try {
            attempt = trial.future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt = new TrialAttempt(TrialAttempt.Status.ABANDONED, "interrupted");
        }
        catch (ExecutionException e) {
            attempt = new TrialAttempt(TrialAttempt.Status.ABANDONED, String.valueOf(e.getCause()));
        }
        String experimentId = trial.message.experimentId();
        String trialId = trial.message.trialId();
        if (attempt.status() == TrialAttempt.Status.CANCELLED) {
            LOG.info("Experiment {} trial {}: stopped attempt {} because the experiment is cancelled", experimentId,
                    trialId, trial.message.attempt());
            publisher.event(trial.message, TrialEvent.Type.CANCELLED, 0, totalImages(trial.message), Double.NaN, 0,
                    null);
            if (!trial.revoked) {
                commit(trial.partition, trial.offset);
            }
        }
        else if (attempt.status() == TrialAttempt.Status.ABANDONED) {
            LOG.warn("Experiment {} trial {}: abandoned ({}); offset {} of {} stays uncommitted", experimentId,
                    trialId, attempt.detail(), trial.offset, trial.partition);
        }
        else if (trial.revoked) {
            LOG.warn("Experiment {} trial {}: {} was revoked during the trial; not committing offset {}",
                    experimentId, trialId, trial.partition, trial.offset);
        }
        else {
            commit(trial.partition, trial.offset);
        }
        resumeAssigned();
        if (attempt.status() == TrialAttempt.Status.ABANDONED && !trial.revoked && running.get()) {
            // Read the record again rather than skip it.
            consumer.seek(trial.partition, trial.offset);
        }
    }

    /** Resumes the paused partitions that are still assigned; resuming any other partition would throw. */
    private void resumeAssigned() {
        Set<TopicPartition> paused = new HashSet<>(consumer.paused());
        paused.retainAll(consumer.assignment());
        consumer.resume(paused);
    }

    private void commit(TopicPartition partition, long offset) {
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)));
        }
        catch (CommitFailedException | org.apache.kafka.common.errors.RebalanceInProgressException e) {
            LOG.warn("Failed to commit offset {} of {}: {}; the record will be delivered again", offset + 1,
                    partition, e.getMessage());
        }
    }

    /** Sends a HEARTBEAT for the running trial every {@link #HEARTBEAT_INTERVAL_NANOS}; runs on the consumer thread. */
    private void heartbeat(ActiveTrial trial) {
        long now = System.nanoTime();
        if (now - lastHeartbeat >= HEARTBEAT_INTERVAL_NANOS) {
            lastHeartbeat = now;
            publisher.event(trial.message, TrialEvent.Type.HEARTBEAT, 0, totalImages(trial.message), Double.NaN, 0,
                    null);
        }
    }

    /** Returns the images the trial trains on over all epochs; 0 for a baseline trial without a training budget. */
    private static long totalImages(TrialMessage message) {
        if (message.config().training() == null) {
            return 0;
        }
        return (long) message.config().training().epochs() * message.config().training().pretrainImages();
    }

    private static String format(double value) {
        return String.format("%.3f", value);
    }

    /** Formats a figure that configs without validation images lack. */
    private static String format(Double value) {
        return value == null ? "none" : format(value.doubleValue());
    }

    /** Pauses newly assigned partitions while a trial runs, and cancels a trial whose partition moved away. */
    private final class RebalanceListener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions, "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(partitions, "lost");
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("Worker {} assigned {}", publisher.workerId(), partitions);
            if (active != null && !partitions.isEmpty()) {
                consumer.pause(partitions);
            }
        }

        private void release(Collection<TopicPartition> partitions, String reason) {
            ActiveTrial trial = active;
            if (trial != null && partitions.contains(trial.partition)) {
                trial.revoked = true;
                trial.cancel();
                LOG.warn("Experiment {} trial {}: partition {} {} during the trial; cancelling it",
                        trial.message.experimentId(), trial.message.trialId(), trial.partition, reason);
            }
        }
    }

    /** Sends PROGRESS events at most every {@link #PROGRESS_INTERVAL_NANOS}. */
    private final class ProgressEvents implements TrialProgressListener {

        private final TrialMessage message;
        private long lastSent = System.nanoTime();

        ProgressEvents(TrialMessage message) {
            this.message = message;
        }

        @Override
        public void onProgress(long imagesDone, long imagesTotal, double loss, double imagesPerSecond) {
            long now = System.nanoTime();
            if (now - lastSent >= PROGRESS_INTERVAL_NANOS) {
                lastSent = now;
                publisher.event(message, TrialEvent.Type.PROGRESS, imagesDone, imagesTotal, loss, imagesPerSecond,
                        null);
            }
        }

        @Override
        public void onEvaluating() {
            publisher.event(message, TrialEvent.Type.EVALUATING, totalImages(message), totalImages(message),
                    Double.NaN, 0, null);
        }
    }
}
