package dev.descent.worker.plugin.loss;

import java.util.Map;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.TargetKind;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.TrainingLoss;

/** The built-in {@code binned-ce} loss: classification over quantized bins of each target value. */
public final class BinnedCrossEntropyPlugin implements LossPlugin {

    @Override
    public LossDefinition definition() {
        return LossFunction.BINNED_CE.definition();
    }

    @Override
    public TrainingLoss create(Map<String, Double> parameters, LossContext context) {
        if (context.target() != TargetKind.IMAGE) {
            throw new IllegalArgumentException("binned-ce quantizes image targets and cannot train a class target; "
                    + "use ce");
        }
        int bins = (int) Math.round(parameters.get("bins"));
        double rebalance = parameters.get("rebalance");
        LossBinnedCrossEntropy loss = new LossBinnedCrossEntropy(bins, rebalance);
        return new TrainingLoss() {
            @Override
            public ILossFunction lossFunction() {
                return loss;
            }

            @Override
            public Activation outputActivation() {
                return Activation.IDENTITY;
            }

            @Override
            public int outputsPerTargetChannel() {
                return bins;
            }

            @Override
            public INDArray labels(INDArray target) {
                return BinnedLabels.oneHot(target, bins);
            }
        };
    }
}
