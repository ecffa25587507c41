package dev.descent.worker.plugin;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import dev.descent.model.spec.BasicLoss;
import dev.descent.model.spec.LossSpec;
import dev.descent.model.spec.LossSpecs;
import dev.descent.model.spec.WeightedLossSum;
import dev.descent.model.spec.WeightedTerm;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.TrainingLoss;
import dev.descent.worker.model.LossWeightedSum;

/** Builds a trial's {@link TrainingLoss} from its canonical loss string, through the loaded plug-ins. */
public final class TrainingLosses {

    private TrainingLosses() {
    }

    /**
     * Creates the loss of a canonical string such as {@code l2} or {@code sum(1.0*l2,0.001*adversarial)}.
     *
     * @throws IllegalArgumentException naming the loss and the fix when no loaded plug-in provides it, or when the
     *     terms of a sum need different output layers
     */
    public static TrainingLoss create(String canonical, LossContext context) {
        LossSpec spec = LossSpecs.parseCanonical(canonical);
        if (spec instanceof BasicLoss basic) {
            return create(basic, context);
        }
        List<WeightedTerm> terms = ((WeightedLossSum) spec).terms();
        List<TrainingLoss> parts = new ArrayList<>();
        try {
            for (WeightedTerm term : terms) {
                parts.add(create(term.loss(), context));
            }
            return sum(canonical, parts, terms.stream().mapToDouble(WeightedTerm::weight).toArray());
        }
        catch (RuntimeException e) {
            parts.forEach(TrainingLoss::close);
            throw e;
        }
    }

    private static TrainingLoss create(BasicLoss loss, LossContext context) {
        LossPlugin plugin = Plugins.loss(loss.function().name()).orElseThrow(() -> new IllegalArgumentException(
                "loss '" + loss.function().name() + "' has no plug-in in this worker, which has "
                        + Plugins.lossNames() + "; put the plug-in's jar in descent.worker.plugins-dir"));
        if (!plugin.definition().trains(context.target())) {
            throw new IllegalArgumentException("loss '" + loss.function().name() + "' cannot train a "
                    + context.target().id() + " target; choose a loss whose targets include "
                    + context.target().id());
        }
        return plugin.create(loss.parameters(), context);
    }

    private static TrainingLoss sum(String canonical, List<TrainingLoss> parts, double[] weights) {
        TrainingLoss first = parts.get(0);
        for (TrainingLoss part : parts) {
            if (part.outputActivation() != first.outputActivation()
                    || part.outputsPerTargetChannel() != first.outputsPerTargetChannel()) {
                throw new IllegalArgumentException("the terms of " + canonical + " need different output layers ("
                        + first.outputActivation() + " and " + part.outputActivation() + "); train them separately");
            }
        }
        ILossFunction[] functions = parts.stream().map(TrainingLoss::lossFunction).toArray(ILossFunction[]::new);
        LossWeightedSum loss = new LossWeightedSum(functions, weights);
        return new TrainingLoss() {
            @Override
            public ILossFunction lossFunction() {
                return loss;
            }

            @Override
            public Activation outputActivation() {
                return first.outputActivation();
            }

            @Override
            public int outputsPerTargetChannel() {
                return first.outputsPerTargetChannel();
            }

            @Override
            public INDArray labels(INDArray target) {
                return first.labels(target);
            }

            @Override
            public boolean needsOutput() {
                return parts.stream().anyMatch(TrainingLoss::needsOutput);
            }

            @Override
            public void beforeFit(INDArray output, INDArray labels) {
                parts.forEach(part -> part.beforeFit(output, labels));
            }

            @Override
            public void close() {
                parts.forEach(TrainingLoss::close);
            }
        };
    }
}
