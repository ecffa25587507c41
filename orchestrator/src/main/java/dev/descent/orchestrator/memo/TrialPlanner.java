package dev.descent.orchestrator.memo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.descent.model.message.ResultLink;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.search.Candidate;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;
import dev.descent.model.trial.TrialIds;
import dev.descent.orchestrator.store.ReuseStore;
import dev.descent.orchestrator.store.SearchTrial;
import dev.descent.orchestrator.store.TrialBatch;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialReuse;
import dev.descent.orchestrator.store.TrialState;

/**
 * Turns trial configs into stored rows and messages, reusing finished results: a config whose trial id (the hash
 * of its canonical JSON) already finished in any experiment is stored as DONE and linked instead of run again,
 * unless the experiment sets {@code force: true}.
 *
 * <p>NOTE: only finished runs are reused. A config that another experiment is still running runs again here, and the
 * registry keeps the first result.
 */
@ApplicationScoped
public class TrialPlanner {

    private static final Logger LOG = Logger.getLogger(TrialPlanner.class);

    @Inject
    ReuseStore reuses;

    /**
     * A trial config to plan, with its search position for successive-halving experiments.
     *
     * @param config the trial config
     * @param candidate the search candidate it belongs to, or {@code null} outside successive halving
     * @param rung the rung, or 0 outside successive halving
     */
    public record PlannedConfig(TrialConfig config, Candidate candidate, int rung) {
    }

    /**
     * Plans trials; repeated configs are kept once.
     *
     * @param firstIndex the grid index of the first new trial: the number of trials the experiment already has
     */
    public PlannedTrials plan(String experimentId, String datasetPath, List<PlannedConfig> configs, boolean force,
                              int firstIndex, Instant now) {
        Map<String, PlannedConfig> byId = new LinkedHashMap<>();
        for (PlannedConfig planned : configs) {
            String trialId = TrialIds.of(planned.config());
            if (byId.putIfAbsent(trialId, planned) != null) {
                LOG.warnf("Experiment %s lists trial %s twice; it runs once", experimentId, trialId);
            }
        }

        List<TrialRecord> rows = new ArrayList<>();
        List<TrialReuse> reused = new ArrayList<>();
        List<SearchTrial> searchTrials = new ArrayList<>();
        List<TrialMessage> messages = new ArrayList<>();
        List<ResultLink> links = new ArrayList<>();
        int index = firstIndex;
        for (Map.Entry<String, PlannedConfig> entry : byId.entrySet()) {
            String trialId = entry.getKey();
            TrialConfig config = entry.getValue().config();
            Optional<String> source = force ? Optional.empty() : reuses.findSource(trialId)
                    .filter(sourceId -> !sourceId.equals(experimentId));
            // The worker reports the exact total; until then, every epoch processes every pretraining image.
            long imagesTotal = TrialExpander.trainingImages(config);
            if (source.isPresent()) {
                rows.add(new TrialRecord(experimentId, trialId, index++, config.pretext(), config.loss(),
                        config.seed(), TrialIds.canonicalJson(config), TrialState.DONE, 1, null, imagesTotal,
                        imagesTotal, null, null, null, null, now));
                reused.add(new TrialReuse(experimentId, trialId, source.get(), now));
                links.add(new ResultLink(experimentId, trialId, source.get(), now));
            }
            else {
                rows.add(new TrialRecord(experimentId, trialId, index++, config.pretext(), config.loss(),
                        config.seed(), TrialIds.canonicalJson(config), TrialState.QUEUED, 1, null, 0, imagesTotal,
                        null, null, null, null, now));
                messages.add(new TrialMessage(experimentId, trialId, 1, datasetPath, config));
            }
            if (entry.getValue().candidate() != null) {
                searchTrials.add(new SearchTrial(experimentId, trialId, entry.getValue().candidate(),
                        entry.getValue().rung()));
            }
        }
        if (!reused.isEmpty()) {
            LOG.infof("Experiment %s reuses %d of %d trials that earlier experiments finished%s", experimentId,
                    reused.size(), byId.size(), force ? "" : "; set 'force: true' in the experiment to train them again");
        }
        return new PlannedTrials(new TrialBatch(rows, reused, searchTrials), messages, links);
    }
}
