package dev.descent.orchestrator.submit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.descent.model.message.TrialMessage;
import dev.descent.model.spec.DatasetFormat;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.SpecParser;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;
import dev.descent.model.trial.TrialIds;
import dev.descent.orchestrator.config.OrchestratorConfig;
import dev.descent.orchestrator.store.DuplicateExperimentIdException;
import dev.descent.orchestrator.store.ExperimentRecord;
import dev.descent.orchestrator.store.ExperimentStore;
import dev.descent.orchestrator.store.PublishState;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Validates an experiment file, stores the experiment with its trials and publishes the trials to the workers. */
@ApplicationScoped
public class ExperimentSubmitter {

    private static final Logger LOG = Logger.getLogger(ExperimentSubmitter.class);

    /** Tries at drawing a free experiment id; two ids collide only within one second and 1 in 16.7 million. */
    private static final int ID_ATTEMPTS = 5;

    @Inject
    OrchestratorConfig config;

    @Inject
    ExperimentStore experiments;

    @Inject
    TrialPublisher publisher;

    @Inject
    DataRoots dataRoots;

    /**
     * Submits an experiment.
     *
     * @param source the file name used in problem messages
     * @param yaml the experiment file
     * @return the new experiment's id
     * @throws dev.descent.model.spec.SpecException when the file is invalid; nothing is stored then
     * @throws PublishException when the broker did not acknowledge every trial; the experiment stays stored with
     *         state PUBLISH_FAILED
     */
    public String submit(String source, String yaml) {
        ExperimentSpec spec = new SpecParser(config.maxTrials()).parse(source, yaml);
        String datasetPath = spec.dataset().path() != null ? spec.dataset().path()
                : DatasetFormat.byId(spec.dataset().name()).orElseThrow().defaultPath();
        dataRoots.check(source, yaml, datasetPath);
        Map<String, TrialConfig> trials = trialsById(spec, config.baselines());

        Instant createdAt = Instant.now();
        String experimentId = store(spec, source, yaml, datasetPath, trials, createdAt);
        LOG.infof("Experiment %s (%s) stored with %d trials; publishing them to the workers", experimentId,
                spec.name(), trials.size());

        List<TrialMessage> messages = new ArrayList<>(trials.size());
        trials.forEach((trialId, trial) -> messages.add(new TrialMessage(experimentId, trialId, 1, datasetPath, trial)));
        try {
            publisher.publish(experimentId, messages, config.publishTimeout());
        }
        catch (PublishException e) {
            LOG.errorf(e, "Publishing the trials of experiment %s failed: %s", experimentId, e.getMessage());
            experiments.updatePublishState(experimentId, PublishState.PUBLISH_FAILED, e.getMessage());
            throw e;
        }
        experiments.updatePublishState(experimentId, PublishState.PUBLISHED, null);
        LOG.infof("Experiment %s published %d trials", experimentId, messages.size());
        return experimentId;
    }

    /**
     * Expands the grid, followed by the baseline trials when enabled; equal configs share an id, so a repeated config
     * is kept once.
     */
    private static Map<String, TrialConfig> trialsById(ExperimentSpec spec, boolean baselines) {
        Map<String, TrialConfig> trials = new LinkedHashMap<>();
        List<TrialConfig> expanded = baselines ? TrialExpander.expandWithBaselines(spec) : TrialExpander.expand(spec);
        for (TrialConfig trial : expanded) {
            if (trials.putIfAbsent(TrialIds.of(trial), trial) != null) {
                LOG.warnf("Experiment %s lists trial %s twice; it runs once", spec.name(), TrialIds.of(trial));
            }
        }
        return trials;
    }

    private String store(ExperimentSpec spec, String source, String yaml, String datasetPath,
                         Map<String, TrialConfig> trials, Instant createdAt) {
        for (int attempt = 1; ; attempt++) {
            String experimentId = ExperimentIds.create(createdAt);
            ExperimentRecord experiment = new ExperimentRecord(experimentId, spec.name(), source, yaml,
                    spec.dataset().name(), datasetPath, createdAt, PublishState.PUBLISHING, null);
            try {
                experiments.insert(experiment, trialRecords(experimentId, trials, createdAt));
                return experimentId;
            }
            catch (DuplicateExperimentIdException e) {
                if (attempt >= ID_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Experiment id %s is taken; drawing another (try %d of %d)", experimentId, attempt + 1,
                        ID_ATTEMPTS);
            }
        }
    }

    private static List<TrialRecord> trialRecords(String experimentId, Map<String, TrialConfig> trials,
                                                  Instant createdAt) {
        List<TrialRecord> records = new ArrayList<>(trials.size());
        int gridIndex = 0;
        for (Map.Entry<String, TrialConfig> entry : trials.entrySet()) {
            TrialConfig trial = entry.getValue();
            // The worker reports the exact total; until then, every epoch processes every pretraining image.
            long imagesTotal = TrialExpander.trainingImages(trial);
            records.add(new TrialRecord(experimentId, entry.getKey(), gridIndex++, trial.pretext(), trial.loss(),
                    trial.seed(), TrialIds.canonicalJson(trial), TrialState.QUEUED, 1, null, 0, imagesTotal, null,
                    null, null, null, createdAt));
        }
        return records;
    }
}
