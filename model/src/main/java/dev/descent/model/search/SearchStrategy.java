package dev.descent.model.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The rule by which an experiment chooses which configurations to train, and for how long. */
public enum SearchStrategy {

    /** Every pretext task x every loss, each at the full training budget. */
    GRID("grid", false),

    /** A fixed number of configurations sampled from the parameter distributions, each at the full budget. */
    RANDOM("random", false),

    /**
     * Synchronous successive halving: every candidate trains at the smallest budget, and once a rung is complete the
     * best 1/eta of its configurations move to the next rung with eta times the budget.
     */
    SUCCESSIVE_HALVING("successive-halving", true),

    /**
     * Asynchronous successive halving (ASHA): as soon as a configuration completes a rung, it is promoted when it
     * ranks in the top 1/eta of the configurations completed at that rung so far.
     */
    ASHA("asha", true);

    private final String id;
    private final boolean halving;

    SearchStrategy(String id, boolean halving) {
        this.id = id;
        this.halving = halving;
    }

    /** Returns the name an experiment file uses. */
    public String id() {
        return id;
    }

    /** Returns whether the strategy trains in rungs of growing budget and stops configurations early. */
    public boolean halving() {
        return halving;
    }

    /** Returns the strategy with the given name. */
    public static Optional<SearchStrategy> byId(String id) {
        return Arrays.stream(values()).filter(strategy -> strategy.id.equals(id)).findFirst();
    }

    /** Returns every strategy's name in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SearchStrategy::id).toList();
    }
}
