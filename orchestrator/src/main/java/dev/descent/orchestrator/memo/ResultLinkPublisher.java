package dev.descent.orchestrator.memo;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.ResultLink;
import dev.descent.model.message.Topics;
import dev.descent.orchestrator.kafka.KafkaSender;
import dev.descent.orchestrator.kafka.KafkaSendException;

/** Tells the registry which stored results an experiment reuses, on {@code descent.result-links}. */
@ApplicationScoped
public class ResultLinkPublisher {

    private static final Logger LOG = Logger.getLogger(ResultLinkPublisher.class);

    @Inject
    KafkaSender sender;

    /**
     * Sends each link and waits for its acknowledgement. A link that fails is logged and skipped: the trial stays DONE
     * in the orchestrator, and only the registry's per-experiment views miss it.
     *
     * @return how many links the broker acknowledged
     */
    public int publish(List<ResultLink> links, Duration timeout) {
        int sent = 0;
        for (ResultLink link : links) {
            try {
                String json = Json.messages().writeValueAsString(link);
                sender.send(new ProducerRecord<>(Topics.RESULT_LINKS, link.trialId(), json), timeout);
                sent++;
            }
            catch (JsonProcessingException | KafkaSendException e) {
                // TODO: retry failed links; the registry's experiment views lack this trial until then.
                LOG.errorf(e, "Experiment %s: sending the link to the result of trial %s (run by experiment %s) "
                        + "failed: %s", link.experimentId(), link.trialId(), link.sourceExperimentId(), e.getMessage());
            }
        }
        return sent;
    }
}
