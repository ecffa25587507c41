package dev.descent.example.charbonnier;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The Charbonnier loss, a smooth L1: {@code sqrt(d^2 + epsilon^2)} per value, with {@code d} the output minus the
 * label, averaged over the output columns like ND4J's {@code LossMSE}. Near 0 it behaves like a scaled L2, further
 * out like L1, and unlike L1 it has a gradient everywhere.
 *
 * <p>The no-argument constructor, {@link JsonProperty} and {@link #equals} let DL4J serialise it with a network.
 */
public final class LossCharbonnier implements ILossFunction {

    private static final long serialVersionUID = 1L;

    @JsonProperty("epsilon")
    private final double epsilon;

    /** Creates the loss with epsilon 0.001, for JSON deserialisation. */
    public LossCharbonnier() {
        this(1e-3);
    }

    /**
     * Creates the loss.
     *
     * @param epsilon the smoothing width, greater than 0
     */
    public LossCharbonnier(@JsonProperty("epsilon") double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("invalid Charbonnier epsilon " + epsilon + "; use a positive number");
        }
        this.epsilon = epsilon;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray difference = activationFn.getActivation(preOutput.dup(), true).subi(labels);
        INDArray perValue = Transforms.sqrt(difference.muli(difference).addi(epsilon * epsilon), false);
        if (mask != null) {
            LossUtil.applyMask(perValue, mask);
        }
        return perValue.sum(true, 1).divi(perValue.size(1));
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray scores = computeScoreArray(labels, preOutput, activationFn, mask);
        double score = scores.sumNumber().doubleValue();
        return average ? score / scores.size(0) : score;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray difference = activationFn.getActivation(preOutput.dup(), true).subi(labels);
        // d/dd sqrt(d^2 + e^2) = d / sqrt(d^2 + e^2).
        INDArray root = Transforms.sqrt(difference.mul(difference).addi(epsilon * epsilon), false);
        INDArray dLda = difference.divi(root).divi(difference.size(1));
        if (mask != null && LossUtil.isPerOutputMasking(dLda, mask)) {
            LossUtil.applyMask(dLda, mask);
        }
        INDArray gradient = activationFn.backprop(preOutput.dup(), dLda).getFirst();
        if (mask != null) {
            LossUtil.applyMask(gradient, mask);
        }
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public String toString() {
        return "LossCharbonnier(epsilon=" + epsilon + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LossCharbonnier loss && Double.compare(loss.epsilon, epsilon) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(epsilon);
    }
}
