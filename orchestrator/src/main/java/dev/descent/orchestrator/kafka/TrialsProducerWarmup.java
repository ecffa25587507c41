package dev.descent.orchestrator.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.descent.model.message.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Fetches the partitions of {@code descent.trials} for the {@code trials-out} producer when the orchestrator starts.
 *
 * <p>A Kafka producer fetches a topic's metadata on its first send to it and delays the send until the metadata arrives, so
 * without this the first submission after a start waited for the metadata request on top of the acknowledgements.
 * The fetch runs on the producer's own thread and does not delay the start; when the broker is down it fails after
 * the producer's {@code max.block.ms}, is logged, and the first send fetches the metadata as before.
 */
@ApplicationScoped
public class TrialsProducerWarmup {

    private static final Logger LOG = Logger.getLogger(TrialsProducerWarmup.class);

    /** The outgoing channel of the trials, as in {@code application.properties}. */
    static final String CHANNEL = "trials-out";

    @Inject
    KafkaClientService clients;

    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        clients.<String, String>getProducer(CHANNEL).partitionsFor(Topics.TRIALS).subscribe().with(
                partitions -> LOG.infof("Producer of channel %s has the metadata of %s (%d partitions) after %d ms",
                        CHANNEL, Topics.TRIALS, partitions.size(), (System.nanoTime() - start) / 1_000_000),
                failure -> LOG.warnf("Fetching the metadata of %s for channel %s failed (%s); the first submission "
                        + "fetches it instead", Topics.TRIALS, CHANNEL, failure.toString()));
    }
}
