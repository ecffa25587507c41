package dev.descent.orchestrator.submit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.descent.model.search.Candidate;
import dev.descent.model.search.SearchPlan;
import dev.descent.model.spec.DatasetFormat;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.SpecParser;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;
import dev.descent.orchestrator.catalog.WorkerCapabilities;
import dev.descent.orchestrator.config.OrchestratorConfig;
import dev.descent.orchestrator.memo.PlannedTrials;
import dev.descent.orchestrator.memo.ResultLinkPublisher;
import dev.descent.orchestrator.memo.TrialPlanner;
import dev.descent.orchestrator.search.SearchDriver;
import dev.descent.orchestrator.store.DuplicateExperimentIdException;
import dev.descent.orchestrator.store.ExperimentRecord;
import dev.descent.orchestrator.store.ExperimentStore;
import dev.descent.orchestrator.store.PublishState;

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

    @Inject
    TrialPlanner planner;

    @Inject
    ResultLinkPublisher links;

    @Inject
    SearchDriver searchDriver;

    @Inject
    WorkerCapabilities capabilities;

    /**
     * Submits an experiment.
     *
     * @param source the file name used in problem messages
     * @param yaml the experiment file
     * @return the new experiment's id
     * @throws dev.descent.model.spec.SpecException when the file is invalid; nothing is stored then
     * @throws dev.descent.orchestrator.api.ProblemException with status 422 when workers are live but none can run
     *         one of the (pretext task, loss) pairs; nothing is stored then
     * @throws PublishException when the broker did not acknowledge every trial; the experiment stays stored with
     *         state PUBLISH_FAILED
     */
    public String submit(String source, String yaml) {
        ExperimentSpec spec = new SpecParser(config.maxTrials()).parse(source, yaml);
        String datasetPath = spec.dataset().path() != null ? spec.dataset().path()
                : DatasetFormat.byId(spec.dataset().name()).orElseThrow().defaultPath();
        dataRoots.check(source, yaml, datasetPath);
        int liveWorkers = capabilities.check(source, spec);

        // Store the experiment with its first trials; trials whose config already finished elsewhere are DONE.
        Instant createdAt = Instant.now();
        Stored stored = store(spec, source, yaml, datasetPath, createdAt);
        String experimentId = stored.experimentId();
        PlannedTrials planned = stored.planned();
        LOG.infof("Experiment %s (%s, %s search) stored with %d trials, %d of them reused; publishing %d to the "
                        + "workers", experimentId, spec.name(), spec.search().strategy().id(),
                planned.batch().trials().size(), planned.links().size(), planned.messages().size());
        if (liveWorkers == 0) {
            LOG.warnf("Experiment %s: no worker has announced its catalog recently, so the experiment was not checked "
                    + "against the workers' plug-ins; its trials wait until a worker announces and takes them",
                    experimentId);
        }

        // Publish the trials to run, then the links for the reused ones.
        try {
            publisher.publish(experimentId, planned.messages(), config.publishTimeout());
        }
        catch (PublishException e) {
            LOG.errorf(e, "Publishing the trials of experiment %s failed: %s", experimentId, e.getMessage());
            experiments.updatePublishState(experimentId, PublishState.PUBLISH_FAILED, e.getMessage());
            throw e;
        }
        links.publish(planned.links(), config.publishTimeout());
        experiments.updatePublishState(experimentId, PublishState.PUBLISHED, null);
        LOG.infof("Experiment %s published %d trials", experimentId, planned.messages().size());

        // Reused trials may already complete a rung, so successive halving gets a first look now.
        searchDriver.advance(experimentId);
        return experimentId;
    }

    /** Returns the first trials: the strategy's initial trials, followed by the baseline trials when enabled. */
    private static List<TrialPlanner.PlannedConfig> initialConfigs(ExperimentSpec spec, boolean baselines) {
        List<TrialPlanner.PlannedConfig> configs = new ArrayList<>();
        boolean halving = spec.search().strategy().halving();
        for (Candidate candidate : SearchPlan.candidates(spec)) {
            for (TrialConfig trial : SearchPlan.trials(spec, candidate, 0)) {
                configs.add(new TrialPlanner.PlannedConfig(trial, halving ? candidate : null, 0));
            }
        }
        if (baselines) {
            for (TrialConfig trial : TrialExpander.baselines(spec)) {
                configs.add(new TrialPlanner.PlannedConfig(trial, null, 0));
            }
        }
        return configs;
    }

    /** An experiment id with the trials stored under it. */
    private record Stored(String experimentId, PlannedTrials planned) {
    }

    private Stored store(ExperimentSpec spec, String source, String yaml, String datasetPath, Instant createdAt) {
        List<TrialPlanner.PlannedConfig> configs = initialConfigs(spec, config.baselines());
        for (int attempt = 1; ; attempt++) {
            String experimentId = ExperimentIds.create(createdAt);
            ExperimentRecord experiment = new ExperimentRecord(experimentId, spec.name(), source, yaml,
                    spec.dataset().name(), datasetPath, createdAt, PublishState.PUBLISHING, null);
            PlannedTrials planned = planner.plan(experimentId, datasetPath, configs, spec.force(), 0, createdAt);
            try {
                experiments.insert(experiment, planned.batch());
                return new Stored(experimentId, planned);
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
}
