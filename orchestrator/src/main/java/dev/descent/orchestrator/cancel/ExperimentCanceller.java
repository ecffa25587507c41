package dev.descent.orchestrator.cancel;

import java.time.Duration;
import java.time.Instant;

import dev.descent.model.message.Topics;
import dev.descent.orchestrator.kafka.KafkaSender;
import dev.descent.orchestrator.store.CancellationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Cancels an experiment: notifies the workers through the compacted {@link Topics#CONTROL} topic, then stores the
 * cancellation. Workers skip the experiment's queued trials and stop a running one at its next training batch or
 * probe epoch.
 */
@ApplicationScoped
public class ExperimentCanceller {

    private static final Logger LOG = Logger.getLogger(ExperimentCanceller.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KafkaSender sender;

    @Inject
    CancellationStore cancellations;

    /**
     * Cancels the experiment. The control record is sent first, so a broker outage leaves nothing stored.
     *
     * @return the number of trials that moved to CANCELLED now
     * @throws dev.descent.orchestrator.kafka.KafkaSendException when the broker did not acknowledge the record
     */
    public int cancel(String experimentId) {
        sender.send(new ProducerRecord<>(Topics.CONTROL, experimentId, Topics.CONTROL_CANCELLED), SEND_TIMEOUT);
        int cancelled = cancellations.cancel(experimentId, Instant.now());
        LOG.infof("Experiment %s cancelled; %d unfinished trials moved to CANCELLED", experimentId, cancelled);
        return cancelled;
    }
}
