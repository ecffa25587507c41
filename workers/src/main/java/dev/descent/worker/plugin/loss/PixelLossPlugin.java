package dev.descent.worker.plugin.loss;

import java.util.Map;

import org.nd4j.linalg.lossfunctions.ILossFunction;

import dev.descent.model.spec.BasicLoss;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossFunction;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.TrainingLoss;
import dev.descent.worker.model.ReconstructionLoss;

/**
 * A built-in loss on pixel values in [0, 1] with a sigmoid output: {@code l2}, {@code l1}, {@code huber} or
 * {@code bce}. Each has its own small subclass so that {@link java.util.ServiceLoader} can create it.
 */
abstract class PixelLossPlugin implements LossPlugin {

    private final LossFunction function;

    PixelLossPlugin(LossFunction function) {
        this.function = function;
    }

    @Override
    public LossDefinition definition() {
        return function.definition();
    }

    @Override
    public TrainingLoss create(Map<String, Double> parameters, LossContext context) {
        ILossFunction loss = ReconstructionLoss.of(new BasicLoss(definition(), parameters)).create();
        return () -> loss;
    }
}
