package dev.descent.model.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;

/**
 * Turns an experiment's search section into candidates and trials: which configurations exist, and which budget each
 * rung trains with. The plan is a pure function of the spec, so the orchestrator can rebuild it after a restart.
 */
public final class SearchPlan {

    /** Draws per candidate before sampling gives up on finding a configuration not drawn before. */
    private static final int DRAWS_PER_SAMPLE = 20;

    private SearchPlan() {
    }

    /**
     * Returns the experiment's candidates: the grid of pretext tasks x losses at the training learning rate, or
     * {@link SearchSpec#samples()} configurations drawn with the search's seed. Sampling picks a pretext task and a
     * loss uniformly and then each parameter from its distribution; duplicates are drawn again.
     */
    public static List<Candidate> candidates(ExperimentSpec spec) {
        SearchSpec search = spec.search();
        double learningRate = spec.training().learningRate();
        if (!search.sampled()) {
            List<Candidate> grid = new ArrayList<>();
            for (String pretext : spec.pretextTasks()) {
                for (String loss : spec.losses()) {
                    grid.add(new Candidate(pretext, loss, learningRate));
                }
            }
            return grid;
        }

        Random random = new Random(search.samplingSeed());
        Set<Candidate> sampled = new LinkedHashSet<>();
        int draws = 0;
        while (sampled.size() < search.samples() && draws < search.samples() * DRAWS_PER_SAMPLE) {
            draws++;
            String pretext = spec.pretextTasks().get(random.nextInt(spec.pretextTasks().size()));
            String loss = spec.losses().get(random.nextInt(spec.losses().size()));
            double rate = learningRate;
            for (Map.Entry<String, Distribution> parameter : search.parameters().entrySet()) {
                double value = parameter.getValue().sample(random);
                if (parameter.getKey().equals(SearchSpec.LEARNING_RATE)) {
                    rate = value;
                }
                else {
                    String name = parameter.getKey().substring(SearchSpec.LOSS_PREFIX.length());
                    loss = LossParameters.apply(loss, name, value);
                }
            }
            sampled.add(new Candidate(pretext, loss, rate));
        }
        return List.copyOf(sampled);
    }

    /**
     * Returns the budget of a candidate at a rung: the experiment's training budget with the candidate's learning
     * rate, and the rung resource divided by eta once per rung below the top, rounded and at least 1.
     */
    public static TrainingSpec training(ExperimentSpec spec, Candidate candidate, int rung) {
        TrainingSpec full = spec.training();
        SearchSpec search = spec.search();
        int below = search.rungCount() - 1 - rung;
        double scale = Math.pow(search.reductionFactor(), below);
        int epochs = full.epochs();
        int images = full.pretrainImages();
        if (search.resource() == RungResource.EPOCHS) {
            epochs = (int) Math.max(1, Math.round(epochs / scale));
        }
        else {
            images = (int) Math.max(1, Math.round(images / scale));
        }
        return new TrainingSpec(epochs, full.batchSize(), candidate.learningRate(), images);
    }

    /** Returns the candidate's trials at a rung, one per seed in the spec's order. */
    public static List<TrialConfig> trials(ExperimentSpec spec, Candidate candidate, int rung) {
        TrainingSpec training = training(spec, candidate, rung);
        List<TrialConfig> trials = new ArrayList<>(spec.seeds().size());
        for (long seed : spec.seeds()) {
            trials.add(new TrialConfig(spec.dataset().trialDataset(), TrialExpander.ENCODER, candidate.pretext(),
                    candidate.loss(), seed, training, spec.probe()));
        }
        return trials;
    }

    /** Returns the first trials to run: every candidate's trials at rung 0, in candidate order. */
    public static List<TrialConfig> initialTrials(ExperimentSpec spec) {
        List<TrialConfig> trials = new ArrayList<>();
        for (Candidate candidate : candidates(spec)) {
            trials.addAll(trials(spec, candidate, 0));
        }
        return trials;
    }

    /** Returns the training images that the full grid of candidates would spend: every seed at the full budget. */
    public static long gridTrainingImages(ExperimentSpec spec) {
        long perTrial = (long) spec.training().epochs() * spec.training().pretrainImages();
        return perTrial * candidates(spec).size() * spec.seeds().size();
    }
}
