package dev.descent.model.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The losses that experiment files can name, with their parameter schemas, for catalogs and search strategies. */
public final class LossCatalog {

    private LossCatalog() {
    }

    /** Returns every built-in loss in {@link LossFunction}'s declaration order. */
    public static List<LossDefinition> builtIns() {
        return Arrays.stream(LossFunction.values()).map(LossFunction::definition).toList();
    }

    /**
     * Returns the weighted sum, which combines built-in losses rather than being one: its parameter is the weight
     * of each term, such as {@code 0.5} in {@code {sum: [{l2: 1.0}, {l1: 0.5}]}}.
     */
    public static LossDefinition weightedSum() {
        return new LossDefinition(WeightedLossSum.NAME, LossFunction.VERSION,
                "Weighted sum of " + WeightedLossSum.MIN_TERMS + " to " + WeightedLossSum.MAX_TERMS
                        + " different losses, built in or from plug-ins, each with or without parameters; sums do "
                        + "not nest.",
                List.of(WeightedLossSum.WEIGHT), Set.of(TargetKind.IMAGE, TargetKind.CLASS));
    }
}
