package dev.descent.orchestrator.events;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialEvent;
import dev.descent.orchestrator.kafka.DeadLetterPublisher;
import dev.descent.orchestrator.retry.RetryPolicy;
import dev.descent.orchestrator.store.StoreException;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.ReuseStore;
import dev.descent.orchestrator.store.TrialState;
import dev.descent.orchestrator.store.TrialStore;
import dev.descent.orchestrator.search.SearchDriver;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the workers' trial events and stores each trial's state.
 *
 * <p>Records are processed one at a time, in order within a partition, and the offset is committed after the method
 * returns. A malformed record is copied to {@code descent.dead-letter} with the reason and skipped, and a failed
 * database update is logged and skipped, so that one bad record cannot stop the consumer. A FAILED attempt becomes
 * RETRYING while {@link RetryPolicy} allows more attempts.
 */
@ApplicationScoped
public class TrialEventConsumer {

    private static final Logger LOG = Logger.getLogger(TrialEventConsumer.class);

    @Inject
    TrialStore trials;

    @Inject
    RetryPolicy retryPolicy;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    ReuseStore reuses;

    @Inject
    SearchDriver searchDriver;

    /** Applies one event record; {@code descent.trial-events} values are {@code TrialEvent} JSON. */
    @Incoming("trial-events-in")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        TrialEvent event;
        try {
            event = parse(record);
        }
        catch (InvalidEventException e) {
            LOG.warnf("Skipping trial event at partition %d offset %d (key %s): %s; copying it to the dead-letter "
                    + "topic", record.partition(), record.offset(), record.key(), e.getMessage());
            deadLetters.publish(record, e.getMessage());
            return;
        }
        try {
            apply(event);
        }
        catch (StoreException e) {
            // NOTE: the event is lost; a later event of the same trial repairs RUNNING progress but not a lost DONE.
            LOG.errorf(e, "Skipping %s event of experiment %s trial %s at partition %d offset %d: %s", event.type(),
                    event.experimentId(), event.trialId(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void apply(TrialEvent event) {
        if (event.type() == TrialEvent.Type.DONE && event.validationAccuracy() != null) {
            reuses.recordValidation(event.trialId(), event.experimentId(), event.validationAccuracy(), Instant.now());
        }
        Optional<TrialRecord> current = trials.find(event.experimentId(), event.trialId());
        if (current.isEmpty()) {
            LOG.debugf("Ignoring %s event for unknown experiment %s trial %s", event.type(), event.experimentId(),
                    event.trialId());
            return;
        }
        Optional<TrialRecord> next = TrialTransitions.apply(current.get(), event, Instant.now());
        if (next.isEmpty()) {
            LOG.debugf("Ignoring %s event of attempt %d for experiment %s trial %s, which is %s in attempt %d",
                    event.type(), event.attempt(), event.experimentId(), event.trialId(), current.get().state(),
                    current.get().attempt());
            return;
        }
        TrialRecord stored = retryPolicy.afterFailure(next.get());
        if (!trials.updateState(stored)) {
            LOG.debugf("Experiment %s trial %s changed before the %s event of attempt %d was stored; ignoring it",
                    event.experimentId(), event.trialId(), event.type(), event.attempt());
            return;
        }
        boolean finished = stored.state() == TrialState.DONE || stored.state() == TrialState.FAILED
                || stored.state() == TrialState.CANCELLED;
        if (stored.state() != current.get().state()) {
            LOG.infof("Experiment %s trial %s is %s (attempt %d of at most %d, worker %s)%s", event.experimentId(),
                    event.trialId(), stored.state(), stored.attempt(), retryPolicy.maxAttempts(), event.workerId(),
                    stored.error() == null ? "" : ": " + stored.error());
        }
        if (finished && stored.state() != current.get().state()) {
            searchDriver.advance(event.experimentId());
        }
    }

    private static TrialEvent parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new InvalidEventException("the value is empty");
        }
        TrialEvent event;
        try {
            event = Json.messages().readValue(record.value(), TrialEvent.class);
        }
        catch (JsonProcessingException e) {
            throw new InvalidEventException("invalid JSON: " + e.getOriginalMessage());
        }
        if (event == null || event.experimentId() == null || event.trialId() == null || event.type() == null) {
            throw new InvalidEventException("experimentId, trialId or type is missing");
        }
        if (event.attempt() < 1) {
            throw new InvalidEventException("attempt is " + event.attempt() + "; it must be 1 or more");
        }
        return event;
    }

    /** A record that is not a usable trial event; the message is the reason. */
    private static final class InvalidEventException extends RuntimeException {

        InvalidEventException(String reason) {
            super(reason);
        }
    }
}
