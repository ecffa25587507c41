package dev.descent.worker.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Huber loss, averaged over the output columns like ND4J's {@code LossMSE}: per value {@code d^2 / 2} where
 * {@code |d| <= delta} and {@code delta * (|d| - delta / 2)} elsewhere, with {@code d} the output minus the label.
 * ND4J 1.0.0-M2.1 has Huber loss only in SameDiff, so this class implements it for layers.
 *
 * <p>The no-argument constructor, {@link JsonProperty} and {@link #equals} let DL4J serialise it with a network.
 */
public final class LossHuber implements ILossFunction {

    private static final long serialVersionUID = 1L;

    @JsonProperty("delta")
    private final double delta;

    /** Creates the loss with delta 1, for JSON deserialisation. */
    public LossHuber() {
        this(1.0);
    }

    /**
     * Creates the loss.
     *
     * @param delta the absolute difference where the loss turns from quadratic to linear, greater than 0
     */
    public LossHuber(@JsonProperty("delta") double delta) {
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("invalid Huber delta " + delta + "; must be positive and finite");
        }
        this.delta = delta;
    }

    public double delta() {
        return delta;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray difference = activationFn.getActivation(preOutput.dup(), true).subi(labels);
        INDArray absolute = Transforms.abs(difference, false);
        INDArray quadratic = Transforms.min(absolute, delta, true);
        // 0.5 q^2 + delta (|d| - q) with q = min(|d|, delta) is d^2 / 2 below delta and delta (|d| - delta / 2) above.
        INDArray perValue = quadratic.mul(quadratic).muli(0.5).addi(absolute.subi(quadratic).muli(delta));
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
        // The derivative of the Huber loss with respect to the output is the difference clipped to [-delta, delta].
        INDArray dLda = Transforms.max(Transforms.min(difference, delta, false), -delta, false)
                .divi(difference.size(1));
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
        return "LossHuber(delta=" + delta + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LossHuber huber && Double.compare(huber.delta, delta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(delta);
    }
}
