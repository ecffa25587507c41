package dev.descent.orchestrator.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.descent.model.message.Topics;
import dev.descent.orchestrator.store.TrialState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the orchestrator's Prometheus gauges, refreshed on a background thread every
 * {@code descent.metrics.refresh-interval}:
 * <ul>
 *   <li>{@code descent_trials{state}}: trials in each {@link TrialState} (queued, running, done, failed and so on),
 *       counted in the database;</li>
 *   <li>{@code descent_worker_images_per_second{worker}}: pretext images per second that each worker last reported
 *       in its trial events, for the workers that are running a trial;</li>
 *   <li>{@code descent_trials_consumer_lag{group,topic}}: trial records the workers' group has not committed yet,
 *       {@code NaN} while Kafka cannot be read.</li>
 * </ul>
 * Reading on a timer keeps a scrape fast when the database or Kafka is slow.
 */
@ApplicationScoped
public class OrchestratorMetrics implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(OrchestratorMetrics.class);

    @Inject
    TrialSnapshotQuery query;

    @Inject
    WorkerGroupLag lag;

    @ConfigProperty(name = "descent.metrics.refresh-interval", defaultValue = "5s")
    Duration refreshInterval;

    private volatile TrialSnapshot snapshot = TrialSnapshot.empty();
    private volatile double consumerLag = Double.NaN;
    private volatile MultiGauge workerThroughput;
    private volatile boolean lastRefreshFailed;
    private ScheduledExecutorService refresher;

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TrialState state : TrialState.values()) {
            Gauge.builder("descent.trials", this, metrics -> metrics.snapshot.trialsByState().get(state))
                    .description("Trials in the orchestrator's database by state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("descent.trials.consumer.lag", this, metrics -> metrics.consumerLag)
                .description("Trial records that the workers' consumer group has not committed yet")
                .tags("group", Topics.WORKER_GROUP, "topic", Topics.TRIALS)
                .register(registry);
        workerThroughput = MultiGauge.builder("descent.worker.images.per.second")
                .description("Pretext images per second that each worker last reported for its running trials")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "descent-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Reads the database and Kafka once and updates every gauge; failures are logged once until a read succeeds. */
    void refresh() {
        boolean failed = false;
        try {
            snapshot = query.read();
            updateWorkerThroughput(snapshot.imagesPerSecondByWorker());
        }
        catch (Exception e) {
            failed = true;
            logFailure("Reading trial metrics from the database failed; the gauges keep their last values", e);
        }
        try {
            consumerLag = lag.totalLag();
        }
        catch (KafkaLagException e) {
            failed = true;
            consumerLag = Double.NaN;
            logFailure("Reading the workers' consumer lag failed; descent_trials_consumer_lag is NaN", e);
        }
        if (!failed && lastRefreshFailed) {
            LOG.info("Metrics refresh succeeded again");
        }
        lastRefreshFailed = failed;
    }

    private void updateWorkerThroughput(Map<String, Double> byWorker) {
        MultiGauge gauge = workerThroughput;
        if (gauge == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byWorker.forEach((worker, imagesPerSecond) -> rows.add(MultiGauge.Row.of(Tags.of("worker", worker),
                imagesPerSecond)));
        gauge.register(rows, true);
    }

    private void logFailure(String message, Exception e) {
        if (!lastRefreshFailed) {
            LOG.warnf("%s: %s", message, e.getMessage());
        }
        else {
            LOG.debugf(e, "%s", message);
        }
    }
}
