package dev.descent.orchestrator.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.trial.TrialConfig;
import dev.descent.orchestrator.config.OrchestratorConfig;
import dev.descent.orchestrator.store.ExperimentRecord;
import dev.descent.orchestrator.store.ExperimentStore;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialState;
import dev.descent.orchestrator.store.TrialStore;
import dev.descent.orchestrator.search.SearchDriver;
import dev.descent.orchestrator.submit.PublishException;
import dev.descent.orchestrator.submit.TrialPublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Re-queues trials that no worker is running any more, and retries failed attempts.
 *
 * <p>Every {@code reaper-interval} it looks for:
 * <ul>
 *   <li>RUNNING trials without any event for {@code heartbeat-timeout}: the worker hung or lost its broker
 *       connection. A killed worker is usually handled earlier by Kafka itself, which hands the uncommitted record to
 *       another group member after the 6 s session timeout.</li>
 *   <li>RETRYING trials whose backoff has passed.</li>
 * </ul>
 * Each such trial is published again with the next attempt number, then stored as QUEUED; when no attempt is left it
 * is stored as FAILED with the last error text. Publishing first means a crash in between leaves an extra delivery,
 * which the registry's one-result-per-trial rule absorbs, rather than a trial that no worker runs.
 *
 * <p>The first scan waits one heartbeat timeout after startup, so that a restarted orchestrator first reads the events
 * it missed instead of re-queueing trials that are in fact running.
 */
@ApplicationScoped
public class TrialReaper {

    private static final Logger LOG = Logger.getLogger(TrialReaper.class);

    @Inject
    SearchDriver searchDriver;

    @Inject
    OrchestratorConfig config;

    @Inject
    RetryPolicy retryPolicy;

    @Inject
    TrialStore trials;

    @Inject
    ExperimentStore experiments;

    @Inject
    TrialPublisher publisher;

    private ScheduledExecutorService scheduler;

    void onStart(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "descent-trial-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.reaperInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scanSafely, config.heartbeatTimeout().toMillis(), interval,
                TimeUnit.MILLISECONDS);
        LOG.infof("Trial reaper scans every %d ms: heartbeat timeout %s, at most %d attempts, backoff %s up to %s",
                interval, config.heartbeatTimeout(), config.maxAttempts(), config.retryBackoff(),
                config.retryBackoffMax());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void scanSafely() {
        try {
            scan(Instant.now());
        }
        catch (RuntimeException e) {
            // A database or broker outage must not end the schedule, so log and try again next interval.
            LOG.errorf(e, "Trial reaper scan failed: %s; retrying in %s", e.getMessage(), config.reaperInterval());
        }
    }

    /** Re-queues silent RUNNING trials and due retries as of {@code now}. */
    public void scan(Instant now) {
        Duration timeout = config.heartbeatTimeout();
        for (TrialRecord trial : trials.listInStateSince(TrialState.RUNNING, now.minus(timeout))) {
            String reason = "no event from worker " + trial.workerId() + " for more than " + timeout.toSeconds()
                    + " s in attempt " + trial.attempt();
            LOG.warnf("Experiment %s trial %s: %s", trial.experimentId(), trial.trialId(), reason);
            retryOrFail(trial, reason, now);
        }
        List<TrialRecord> retrying = trials.listInStateSince(TrialState.RETRYING, now);
        for (TrialRecord trial : retrying) {
            if (retryPolicy.isDue(trial, now)) {
                retryOrFail(trial, trial.error(), now);
            }
        }
    }

    private void retryOrFail(TrialRecord trial, String reason, Instant now) {
        if (!retryPolicy.hasAttemptsLeft(trial.attempt())) {
            String error = reason + " (attempt " + trial.attempt() + " of " + retryPolicy.maxAttempts()
                    + ", no attempts left)";
            if (trials.fail(trial, error, now)) {
                LOG.errorf("Experiment %s trial %s is FAILED: %s", trial.experimentId(), trial.trialId(), error);
                searchDriver.advance(trial.experimentId());
            }
            return;
        }
        Optional<TrialMessage> message = message(trial);
        if (message.isEmpty()) {
            if (trials.fail(trial, "cannot rebuild the trial message from the stored config", now)) {
                searchDriver.advance(trial.experimentId());
            }
            return;
        }
        try {
            publisher.publish(trial.experimentId(), List.of(message.get()), config.publishTimeout());
        }
        catch (PublishException e) {
            LOG.errorf("Experiment %s trial %s: publishing attempt %d failed: %s; retrying at the next scan",
                    trial.experimentId(), trial.trialId(), message.get().attempt(), e.getMessage());
            return;
        }
        if (trials.requeue(trial, message.get().attempt(), reason, now)) {
            LOG.infof("Experiment %s trial %s: re-queued as attempt %d of at most %d after: %s", trial.experimentId(),
                    trial.trialId(), message.get().attempt(), retryPolicy.maxAttempts(), reason);
        }
        else {
            LOG.infof("Experiment %s trial %s changed while attempt %d was published; the extra delivery is "
                    + "harmless", trial.experimentId(), trial.trialId(), message.get().attempt());
        }
    }

    private Optional<TrialMessage> message(TrialRecord trial) {
        Optional<ExperimentRecord> experiment = experiments.find(trial.experimentId());
        if (experiment.isEmpty()) {
            LOG.errorf("Experiment %s of trial %s is missing", trial.experimentId(), trial.trialId());
            return Optional.empty();
        }
        try {
            TrialConfig trialConfig = Json.messages().readValue(trial.configJson(), TrialConfig.class);
            return Optional.of(new TrialMessage(trial.experimentId(), trial.trialId(), trial.attempt() + 1,
                    experiment.get().datasetPath(), trialConfig));
        }
        catch (JsonProcessingException e) {
            LOG.errorf("Experiment %s trial %s: the stored config is not valid JSON: %s", trial.experimentId(),
                    trial.trialId(), e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
