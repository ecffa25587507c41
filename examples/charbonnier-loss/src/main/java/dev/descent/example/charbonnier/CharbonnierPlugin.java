package dev.descent.example.charbonnier;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossParameter;
import dev.descent.model.spec.TargetKind;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.TrainingLoss;

/**
 * Makes {@link LossCharbonnier} available to experiment files as {@code charbonnier}, with its {@code epsilon}
 * parameter: {@code losses: [charbonnier, {charbonnier: {epsilon: 0.01}}]}.
 */
public final class CharbonnierPlugin implements LossPlugin {

    /** The loss's name in experiment files. */
    public static final String NAME = "charbonnier";

    private static final LossDefinition DEFINITION = new LossDefinition(NAME, "1.0",
            "Charbonnier (smooth L1) loss per pixel: sqrt(d^2 + epsilon^2), with d the output minus the target.",
            List.of(new LossParameter("epsilon", "the smoothing width around a difference of 0", 1e-3, 1e-6, 0.1)),
            Set.of(TargetKind.IMAGE));

    @Override
    public LossDefinition definition() {
        return DEFINITION;
    }

    @Override
    public TrainingLoss create(Map<String, Double> parameters, LossContext context) {
        LossCharbonnier loss = new LossCharbonnier(parameters.get("epsilon"));
        return () -> loss;
    }
}
