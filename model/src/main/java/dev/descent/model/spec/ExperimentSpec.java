package dev.descent.model.spec;

import java.util.List;

import dev.descent.model.search.SearchSpec;

/**
 * A validated experiment: the pretext tasks, losses and seeds, the budget shared by its trials, and how it searches.
 *
 * <p>Instances come from {@link SpecParser}, which rejects any value outside the ranges documented there.
 *
 * @param search the search strategy and its settings; the grid when the file has no {@code search} section
 * @param force whether to train every trial again even when a result for its config is already stored
 */
public record ExperimentSpec(
        String name,
        DatasetSpec dataset,
        List<String> pretextTasks,
        List<String> losses,
        List<Long> seeds,
        TrainingSpec training,
        ProbeSpec probe,
        SearchSpec search,
        boolean force) {

    public ExperimentSpec {
        pretextTasks = List.copyOf(pretextTasks);
        losses = List.copyOf(losses);
        seeds = List.copyOf(seeds);
        search = search == null ? SearchSpec.grid() : search;
    }

    /** Creates a grid experiment that reuses stored results. */
    public ExperimentSpec(String name, DatasetSpec dataset, List<String> pretextTasks, List<String> losses,
                          List<Long> seeds, TrainingSpec training, ProbeSpec probe) {
        this(name, dataset, pretextTasks, losses, seeds, training, probe, SearchSpec.grid(), false);
    }

    /**
     * Returns how many trials the experiment starts with: every candidate (the grid, or the sampled configurations)
     * times every seed. Successive halving adds the promoted configurations' trials later.
     */
    public int trialCount() {
        int candidates = search.sampled() ? search.samples() : pretextTasks.size() * losses.size();
        return candidates * seeds.size();
    }
}
