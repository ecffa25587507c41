package dev.descent.model.trial;

import java.util.ArrayList;
import java.util.List;

import dev.descent.model.spec.ExperimentSpec;

/** Expands an experiment's grid into trials: every pretext task x every loss x every seed. */
public final class TrialExpander {

    /** The only encoder so far: see the worker's {@code ConvAutoencoder}. Bump the version when it changes. */
    public static final String ENCODER = "conv-ae-v1";

    private TrialExpander() {
    }

    /** Returns the trials in grid order: pretext task, then loss, then seed. */
    public static List<TrialConfig> expand(ExperimentSpec spec) {
        List<TrialConfig> trials = new ArrayList<>(spec.trialCount());
        for (String pretext : spec.pretextTasks()) {
            for (String loss : spec.losses()) {
                for (long seed : spec.seeds()) {
                    trials.add(new TrialConfig(spec.dataset().name(), ENCODER, pretext, loss, seed,
                            spec.training(), spec.probe()));
                }
            }
        }
        return trials;
    }
}
