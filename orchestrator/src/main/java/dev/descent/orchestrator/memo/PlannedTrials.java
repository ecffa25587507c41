package dev.descent.orchestrator.memo;

import java.util.List;

import dev.descent.model.message.ResultLink;
import dev.descent.model.message.TrialMessage;
import dev.descent.orchestrator.store.TrialBatch;

/**
 * Trials ready to store and send: the rows, the messages for the trials that must run, and the links for the
 * trials that reuse a stored result.
 *
 * @param batch the rows to store
 * @param messages the trials to publish to the workers
 * @param links the reused results to announce to the registry
 */
public record PlannedTrials(TrialBatch batch, List<TrialMessage> messages, List<ResultLink> links) {

    public PlannedTrials {
        messages = List.copyOf(messages);
        links = List.copyOf(links);
    }
}
