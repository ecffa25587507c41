package dev.descent.orchestrator.events;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialEvent;
import dev.descent.orchestrator.store.StoreException;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialStore;
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
 * returns. A malformed record or a failed database update is logged and skipped so that one bad record cannot stop
 * the consumer.
 */
@ApplicationScoped
public class TrialEventConsumer {

    private static final Logger LOG = Logger.getLogger(TrialEventConsumer.class);

    @Inject
    TrialStore trials;

    /** Applies one event record; {@code descent.trial-events} values are {@code TrialEvent} JSON. */
    @Incoming("trial-events-in")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        Optional<TrialEvent> parsed = parse(record);
        if (parsed.isEmpty()) {
            return;
        }
        TrialEvent event = parsed.get();
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
        trials.updateState(next.get());
        if (next.get().state() != current.get().state()) {
            LOG.infof("Experiment %s trial %s is %s (attempt %d, worker %s)%s", event.experimentId(),
                    event.trialId(), next.get().state(), event.attempt(), event.workerId(),
                    next.get().error() == null ? "" : ": " + next.get().error());
        }
    }

    private static Optional<TrialEvent> parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            LOG.warnf("Skipping empty trial event at partition %d offset %d (key %s)", record.partition(),
                    record.offset(), record.key());
            return Optional.empty();
        }
        TrialEvent event;
        try {
            event = Json.messages().readValue(record.value(), TrialEvent.class);
        }
        catch (JsonProcessingException e) {
            LOG.warnf("Skipping malformed trial event at partition %d offset %d (key %s): %s", record.partition(),
                    record.offset(), record.key(), e.getOriginalMessage());
            return Optional.empty();
        }
        if (event == null || event.experimentId() == null || event.trialId() == null || event.type() == null) {
            LOG.warnf("Skipping trial event without experimentId, trialId or type at partition %d offset %d (key %s)",
                    record.partition(), record.offset(), record.key());
            return Optional.empty();
        }
        return Optional.of(event);
    }
}
