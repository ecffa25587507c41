package dev.descent.orchestrator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.search.Candidate;
import dev.descent.model.search.SearchPlan;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.SpecParser;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.Baseline;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;
import dev.descent.orchestrator.store.ExperimentRecord;
import dev.descent.orchestrator.store.ExperimentStore;
import dev.descent.orchestrator.store.ReuseStore;
import dev.descent.orchestrator.store.SearchDecision;
import dev.descent.orchestrator.store.SearchStore;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialStore;

/** Builds {@link SearchReport}s from the stored experiment, its trials and its decisions. */
@ApplicationScoped
public class SearchReports {

    @Inject
    ExperimentStore experiments;

    @Inject
    TrialStore trials;

    @Inject
    SearchStore searches;

    @Inject
    ReuseStore reuses;

    /** Returns the experiment's search report, or empty when the id is unknown. */
    public Optional<SearchReport> find(String experimentId) {
        Optional<ExperimentRecord> experiment = experiments.find(experimentId);
        if (experiment.isEmpty()) {
            return Optional.empty();
        }
        ExperimentSpec spec = new SpecParser(Integer.MAX_VALUE).parse(experiment.get().source(),
                experiment.get().specYaml());

        // Rungs: the budget of each, from the first candidate (every candidate shares the budget schedule).
        List<SearchReport.Rung> rungs = new ArrayList<>();
        List<Candidate> candidates = SearchPlan.candidates(spec);
        for (int rung = 0; rung < spec.search().rungCount() && !candidates.isEmpty(); rung++) {
            TrainingSpec training = SearchPlan.training(spec, candidates.get(0), rung);
            rungs.add(new SearchReport.Rung(rung, training.epochs(), training.pretrainImages()));
        }

        List<SearchReport.Decision> decisions = new ArrayList<>();
        for (SearchDecision decision : searches.listDecisions(experimentId)) {
            decisions.add(new SearchReport.Decision(decision.sequence(), decision.decidedAt(), decision.rung(),
                    decision.candidate().pretext(), decision.candidate().loss(), decision.candidate().learningRate(),
                    decision.action().name(), decision.score(), decision.rank(), decision.completed(),
                    decision.promotable(), decision.reason()));
        }

        // Images: pretext trials only, split into what this experiment trained and what it reused.
        List<String> reused = reuses.reusedTrialIds(experimentId);
        long spent = 0;
        long reusedImages = 0;
        for (TrialRecord trial : trials.listByExperiment(experimentId)) {
            if (Baseline.PRETEXT.equals(trial.pretext())) {
                continue;
            }
            long images = TrialExpander.trainingImages(config(trial));
            if (reused.contains(trial.trialId())) {
                reusedImages += images;
            }
            else {
                spent += images;
            }
        }
        Integer factor = spec.search().strategy().halving() ? spec.search().reductionFactor() : null;
        return Optional.of(new SearchReport(experimentId, spec.search().strategy().id(), factor, rungs, decisions,
                spent, reusedImages, SearchPlan.gridTrainingImages(spec)));
    }

    private static TrialConfig config(TrialRecord trial) {
        try {
            return Json.messages().readValue(trial.configJson(), TrialConfig.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored config of trial " + trial.trialId() + " of experiment "
                    + trial.experimentId() + " is not valid JSON", e);
        }
    }
}
