package dev.descent.worker.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.WorkerCatalog;
import dev.descent.worker.plugin.Plugins;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces what this worker can run on {@value Topics#WORKER_CATALOGS}, keyed by worker id: once at
 * {@link #start()}, before the worker takes trials, then every {@code intervalSeconds}, and a tombstone (a
 * {@code null} value) at {@link #stop()} so that readers drop the worker at once instead of waiting for its catalog
 * to go stale.
 *
 * <p>Thread-safe. The producer is shared with the trial publisher and stays open after {@link #stop()}.
 */
public final class CatalogAnnouncer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogAnnouncer.class);

    /** How long {@link #start()} and {@link #stop()} wait for the broker to acknowledge their record. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, String> producer;
    private final String workerId;
    private final int intervalSeconds;
    private final Supplier<WorkerCatalog> catalog;
    private final ScheduledExecutorService scheduler;
    private boolean started;
    private boolean stopped;

    /**
     * Creates an announcer that sends {@link Plugins#catalog} afresh each time, so plug-ins loaded later show up.
     *
     * @param producer the worker's producer, with string keys and values
     * @param workerId the worker's id, the record key
     * @param host the worker's host name, for operators
     * @param intervalSeconds the seconds between two announcements, at least 1
     */
    public CatalogAnnouncer(Producer<String, String> producer, String workerId, String host, int intervalSeconds) {
        this(producer, workerId, intervalSeconds, () -> Plugins.catalog(workerId, host, intervalSeconds));
    }

    CatalogAnnouncer(Producer<String, String> producer, String workerId, int intervalSeconds,
                     Supplier<WorkerCatalog> catalog) {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("invalid catalog interval " + intervalSeconds + " s for worker "
                    + workerId + ": use 1 s or more");
        }
        this.producer = producer;
        this.workerId = workerId;
        this.intervalSeconds = intervalSeconds;
        this.catalog = catalog;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "descent-catalog-announcer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends the first announcement and waits for the broker's acknowledgement, then repeats it at the interval.
     * When the first send fails, the worker still starts: the failure is logged and the next interval retries.
     *
     * @throws IllegalStateException when called twice or after {@link #stop()}
     */
    public synchronized void start() {
        if (started || stopped) {
            throw new IllegalStateException("catalog announcer of worker " + workerId + " was already started");
        }
        started = true;
        LOG.info("Worker {} announces its catalog on {} every {} s", workerId, Topics.WORKER_CATALOGS,
                intervalSeconds);
        try {
            await(send(announcement()), "first catalog announcement");
        }
        catch (RuntimeException e) {
            LOG.warn("Worker {} could not announce its catalog on {}: {}; retrying in {} s", workerId,
                    Topics.WORKER_CATALOGS, e.getMessage(), intervalSeconds);
        }
        scheduler.scheduleAtFixedRate(this::announceQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /**
     * Stops the repeats and sends a tombstone, waiting for the broker's acknowledgement. Further calls do nothing.
     * A failed tombstone is logged, and readers then drop the worker once its last catalog goes stale.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Worker {}: an announcement was still running when the announcer stopped", workerId);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!started) {
            return;
        }
        try {
            await(send(null), "catalog tombstone");
            LOG.info("Worker {} withdrew its catalog from {}", workerId, Topics.WORKER_CATALOGS);
        }
        catch (RuntimeException e) {
            LOG.warn("Worker {} could not withdraw its catalog from {}: {}; readers drop it once it is stale",
                    workerId, Topics.WORKER_CATALOGS, e.getMessage());
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void announceQuietly() {
        try {
            String value = announcement();
            send(value).whenComplete((ignored, error) -> {
                if (error != null) {
                    LOG.warn("Worker {} could not announce its catalog on {}: {}; retrying in {} s", workerId,
                            Topics.WORKER_CATALOGS, error.getMessage(), intervalSeconds);
                }
            });
        }
        catch (RuntimeException e) {
            // A scheduled task that throws is never run again, so every failure is caught here.
            LOG.warn("Worker {} could not announce its catalog on {}: {}; retrying in {} s", workerId,
                    Topics.WORKER_CATALOGS, e.getMessage(), intervalSeconds);
        }
    }

    private String announcement() {
        WorkerCatalog current = catalog.get();
        try {
            String value = Json.messages().writeValueAsString(current);
            LOG.debug("Worker {} announces {} losses, {} pretext tasks and {} evaluators", workerId,
                    current.losses().size(), current.pretextTasks().size(), current.evaluators().size());
            return value;
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the catalog of worker " + workerId + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Sends a record and returns a future that completes with the broker's acknowledgement. */
    private CompletableFuture<Void> send(String value) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.WORKER_CATALOGS, workerId, value), (metadata, error) -> {
            if (error != null) {
                acknowledged.completeExceptionally(error);
            }
            else {
                acknowledged.complete(null);
            }
        });
        return acknowledged;
    }

    private void await(CompletableFuture<Void> acknowledged, String what) {
        try {
            acknowledged.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        }
        catch (TimeoutException e) {
            throw new IllegalStateException(what + " not acknowledged within " + SEND_TIMEOUT.toSeconds() + " s", e);
        }
    }
}
