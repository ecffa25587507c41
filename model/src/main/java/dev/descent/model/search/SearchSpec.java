package dev.descent.model.search;

import java.util.Map;
import java.util.TreeMap;

/**
 * An experiment's search strategy and its settings, as the {@code search} section of an experiment file
 * gives them.
 *
 * @param strategy the strategy
 * @param samples for random search, and for successive halving over sampled candidates, how many configurations to
 *        sample; 0 when the candidates are the grid of pretext tasks x losses
 * @param parameters distributions by parameter name: {@code learning-rate}, or {@code loss.<name>} for a parameter of
 *        a loss (such as {@code loss.delta}); sorted by name so that sampling is reproducible
 * @param samplingSeed the seed of the random generator that draws samples
 * @param reductionFactor eta: the budget multiplier between rungs, and the inverse of the fraction promoted
 * @param rungs how many rungs successive halving uses; the top rung trains with the experiment's full budget
 * @param resource the part of the budget that grows from rung to rung
 */
public record SearchSpec(
        SearchStrategy strategy,
        int samples,
        Map<String, Distribution> parameters,
        long samplingSeed,
        int reductionFactor,
        int rungs,
        RungResource resource) {

    /** The parameter name for Adam's step size. */
    public static final String LEARNING_RATE = "learning-rate";

    /** The prefix of parameter names that set a loss's parameter. */
    public static final String LOSS_PREFIX = "loss.";

    public SearchSpec {
        parameters = new TreeMap<>(parameters);
    }

    /** Returns the default search: the full grid, every configuration at the full budget. */
    public static SearchSpec grid() {
        return new SearchSpec(SearchStrategy.GRID, 0, Map.of(), 0, 3, 1, RungResource.PRETRAIN_IMAGES);
    }

    /** Returns whether the candidates are sampled rather than the grid of pretext tasks x losses. */
    public boolean sampled() {
        return samples > 0;
    }

    /** Returns how many rungs trials run in: {@link #rungs} for halving strategies, 1 otherwise. */
    public int rungCount() {
        return strategy.halving() ? rungs : 1;
    }
}
