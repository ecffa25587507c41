package dev.descent.worker.plugin.loss;

import java.util.Map;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossFunction;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.TrainingLoss;

/** The built-in {@code ce} loss: a softmax over the classes of a class target and cross-entropy with the true class. */
public final class CrossEntropyPlugin implements LossPlugin {

    @Override
    public LossDefinition definition() {
        return LossFunction.CE.definition();
    }

    @Override
    public TrainingLoss create(Map<String, Double> parameters, LossContext context) {
        return new TrainingLoss() {
            @Override
            public ILossFunction lossFunction() {
                return new LossMCXENT();
            }

            @Override
            public Activation outputActivation() {
                return Activation.SOFTMAX;
            }
        };
    }
}
