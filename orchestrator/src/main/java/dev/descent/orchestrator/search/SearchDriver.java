package dev.descent.orchestrator.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.descent.model.search.SearchPlan;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.SpecException;
import dev.descent.model.spec.SpecParser;
import dev.descent.model.trial.TrialConfig;
import dev.descent.orchestrator.config.OrchestratorConfig;
import dev.descent.orchestrator.memo.PlannedTrials;
import dev.descent.orchestrator.memo.ResultLinkPublisher;
import dev.descent.orchestrator.memo.TrialPlanner;
import dev.descent.orchestrator.store.CancellationStore;
import dev.descent.orchestrator.store.ExperimentRecord;
import dev.descent.orchestrator.store.ExperimentStore;
import dev.descent.orchestrator.store.SearchDecision;
import dev.descent.orchestrator.store.SearchStore;
import dev.descent.orchestrator.store.TrialStore;
import dev.descent.orchestrator.submit.PublishException;
import dev.descent.orchestrator.submit.TrialPublisher;

/**
 * Runs successive halving for an experiment: after a trial reaches a final state, it applies {@link PromotionRule},
 * stores the decisions with the promoted configurations' trials, and publishes those trials.
 *
 * <p>Calls are serialised, so two events of one experiment never promote the same configuration twice. The rule
 * reads the stored decisions, so each call resumes where the last one stopped, also after a restart.
 */
@ApplicationScoped
public class SearchDriver {

    private static final Logger LOG = Logger.getLogger(SearchDriver.class);

    /** Rounds per call; a round repeats only when reused results complete a rung at once. */
    private static final int MAX_ROUNDS = 16;

    @Inject
    OrchestratorConfig config;

    @Inject
    ExperimentStore experiments;

    @Inject
    TrialStore trials;

    @Inject
    CancellationStore cancellations;

    @Inject
    SearchStore searches;

    @Inject
    TrialPlanner planner;

    @Inject
    TrialPublisher publisher;

    @Inject
    ResultLinkPublisher links;

    /** Parsed specs by experiment id, because a stored spec never changes and list views ask for every experiment. */
    private final Map<String, Optional<ExperimentSpec>> halvingSpecs = new ConcurrentHashMap<>();

    /** Returns the experiment's spec when it searches by successive halving, or empty otherwise. */
    public Optional<ExperimentSpec> halvingSpec(ExperimentRecord experiment) {
        return halvingSpecs.computeIfAbsent(experiment.id(), id -> parseHalvingSpec(experiment));
    }

    private static Optional<ExperimentSpec> parseHalvingSpec(ExperimentRecord experiment) {
        ExperimentSpec spec;
        try {
            spec = new SpecParser(Integer.MAX_VALUE).parse(experiment.source(), experiment.specYaml());
        }
        catch (SpecException e) {
            LOG.errorf("Experiment %s: its stored spec no longer parses (%s); successive halving cannot continue",
                    experiment.id(), e.getMessage());
            return Optional.empty();
        }
        return spec.search().strategy().halving() ? Optional.of(spec) : Optional.empty();
    }

    /** Returns whether the promotion rule would decide something now; false for other strategies. */
    public boolean hasPendingDecisions(ExperimentRecord experiment) {
        if (cancellations.cancelledAt(experiment.id()).isPresent()) {
            return false;
        }
        Optional<ExperimentSpec> spec = halvingSpec(experiment);
        if (spec.isEmpty()) {
            return false;
        }
        return !PromotionRule.decide(spec.get().search(), spec.get().seeds().size(),
                searches.listOutcomes(experiment.id()), searches.listDecisions(experiment.id())).isEmpty();
    }

    /** Applies the promotion rule to the experiment and carries out what it decides; other strategies return at once. */
    public synchronized void advance(String experimentId) {
        Optional<ExperimentRecord> experiment = experiments.find(experimentId);
        if (experiment.isEmpty() || cancellations.cancelledAt(experimentId).isPresent()) {
            return;
        }
        Optional<ExperimentSpec> spec = halvingSpec(experiment.get());
        if (spec.isEmpty()) {
            return;
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (!advanceOnce(experiment.get(), spec.get())) {
                return;
            }
        }
        LOG.warnf("Experiment %s: successive halving still had decisions after %d rounds; the next event continues",
                experimentId, MAX_ROUNDS);
    }

    /** Runs one round of decisions; returns whether any decision was made. */
    private boolean advanceOnce(ExperimentRecord experiment, ExperimentSpec spec) {
        String experimentId = experiment.id();
        List<SearchDecision> decided = searches.listDecisions(experimentId);
        List<ProposedDecision> proposed = PromotionRule.decide(spec.search(), spec.seeds().size(),
                searches.listOutcomes(experimentId), decided);
        if (proposed.isEmpty()) {
            return false;
        }

        // Number the decisions and plan the trials of every promoted configuration at its next rung.
        Instant now = Instant.now();
        List<SearchDecision> decisions = new ArrayList<>();
        List<TrialPlanner.PlannedConfig> promotedConfigs = new ArrayList<>();
        int sequence = decided.size();
        for (ProposedDecision decision : proposed) {
            decisions.add(new SearchDecision(++sequence, decision.rung(), decision.candidate(), decision.action(),
                    decision.score(), decision.rank(), decision.completed(), decision.promotable(), decision.reason(),
                    now));
            if (decision.action() == SearchDecision.Action.PROMOTED) {
                for (TrialConfig trial : SearchPlan.trials(spec, decision.candidate(), decision.rung() + 1)) {
                    promotedConfigs.add(new TrialPlanner.PlannedConfig(trial, decision.candidate(),
                            decision.rung() + 1));
                }
            }
        }
        int existing = trials.listByExperiment(experimentId).size();
        PlannedTrials planned = planner.plan(experimentId, experiment.datasetPath(), promotedConfigs, spec.force(),
                existing, now);

        // Store decisions and trials together, then publish; a crash in between leaves QUEUED trials unpublished.
        searches.recordDecisions(experimentId, decisions, planned.batch());
        for (SearchDecision decision : decisions) {
            LOG.infof("Experiment %s search: %s %s at rung %d: %s", experimentId, decision.action(),
                    decision.candidate().key(), decision.rung(), decision.reason());
        }
        try {
            publisher.publish(experimentId, planned.messages(), config.publishTimeout());
        }
        catch (PublishException e) {
            // TODO: re-publish QUEUED trials that never reached the broker; the reaper only watches running trials.
            LOG.errorf(e, "Experiment %s: publishing %d promoted trials failed: %s", experimentId,
                    planned.messages().size(), e.getMessage());
        }
        links.publish(planned.links(), config.publishTimeout());
        return true;
    }
}
