package dev.descent.model.trial;

import java.util.ArrayList;
import java.util.List;

import dev.descent.model.search.SearchPlan;
import dev.descent.model.spec.ExperimentSpec;

/**
 * Expands an experiment's grid into trials: every pretext task x every loss x every seed, and optionally the
 * {@link Baseline} trials for every seed.
 */
public final class TrialExpander {

    /** The only encoder so far: see the worker's {@code ConvAutoencoder}. Bump the version when it changes. */
    public static final String ENCODER = "conv-ae-v1";

    private TrialExpander() {
    }

    /**
     * Returns the trials an experiment starts with, in candidate order and then seed order: for the grid, pretext
     * task, then loss, then seed. Successive halving starts with every candidate at its smallest rung.
     */
    public static List<TrialConfig> expand(ExperimentSpec spec) {
        return SearchPlan.initialTrials(spec);
    }

    /** Returns the baseline trials in order: baseline, then seed. */
    public static List<TrialConfig> baselines(ExperimentSpec spec) {
        List<TrialConfig> trials = new ArrayList<>(Baseline.values().length * spec.seeds().size());
        for (Baseline baseline : Baseline.values()) {
            for (long seed : spec.seeds()) {
                trials.add(baseline.config(spec, seed));
            }
        }
        return trials;
    }

    /** Returns {@link #expand} followed by {@link #baselines}, so grid trials keep their positions. */
    public static List<TrialConfig> expandWithBaselines(ExperimentSpec spec) {
        List<TrialConfig> trials = new ArrayList<>(expand(spec));
        trials.addAll(baselines(spec));
        return trials;
    }

    /**
     * Returns the images a trial trains on over all epochs: pretext training, or supervised training for the
     * supervised baseline, and 0 for a trial without a training budget.
     */
    public static long trainingImages(TrialConfig config) {
        if (config.training() == null) {
            return 0;
        }
        return (long) config.training().epochs() * config.training().pretrainImages();
    }
}
