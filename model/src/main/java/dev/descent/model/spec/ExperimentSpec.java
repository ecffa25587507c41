package dev.descent.model.spec;

import java.util.List;

/**
 * A validated experiment: the grid of pretext tasks, losses and seeds, and the budget shared by its trials.
 *
 * <p>Instances come from {@link SpecParser}, which rejects any value outside the ranges documented there.
 */
public record ExperimentSpec(
        String name,
        DatasetSpec dataset,
        List<String> pretextTasks,
        List<String> losses,
        List<Long> seeds,
        TrainingSpec training,
        ProbeSpec probe) {

    public ExperimentSpec {
        pretextTasks = List.copyOf(pretextTasks);
        losses = List.copyOf(losses);
        seeds = List.copyOf(seeds);
    }

    /** Returns how many trials the grid expands to. */
    public int trialCount() {
        return pretextTasks.size() * losses.size() * seeds.size();
    }
}
