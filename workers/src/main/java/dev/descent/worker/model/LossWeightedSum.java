package dev.descent.worker.model;

import java.util.Arrays;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A weighted sum of loss functions: the score and the gradient are the weighted sums of the terms' scores and
 * gradients, so each term keeps its own handling of the activation (such as the clipping of binary cross-entropy).
 * Each term gets its own copy of the pre-activations, because ND4J 1.0.0-M2.1's losses backpropagate through the
 * activation in place: without the copies, {@code sum(1.0*l2,0.5*l1)} failed the central-difference gradient check.
 *
 * <p>The no-argument constructor, {@link JsonProperty} and {@link #equals} let DL4J serialise it with a network.
 */
public final class LossWeightedSum implements ILossFunction {

    private static final long serialVersionUID = 1L;

    @JsonProperty("losses")
    private final ILossFunction[] losses;

    @JsonProperty("weights")
    private final double[] weights;

    /** Creates an empty sum, for JSON deserialisation only. */
    public LossWeightedSum() {
        this.losses = new ILossFunction[0];
        this.weights = new double[0];
    }

    /**
     * Creates a sum.
     *
     * @param losses the terms
     * @param weights one positive, finite factor per term
     */
    public LossWeightedSum(@JsonProperty("losses") ILossFunction[] losses,
                           @JsonProperty("weights") double[] weights) {
        if (losses.length != weights.length || losses.length == 0) {
            throw new IllegalArgumentException("a weighted sum needs one weight per loss and at least one loss; got "
                    + losses.length + " losses and " + weights.length + " weights");
        }
        for (double weight : weights) {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("invalid weight " + weight + "; weights must be positive and "
                        + "finite");
            }
        }
        this.losses = losses.clone();
        this.weights = weights.clone();
    }

    /** Returns a copy of the summed losses, in term order. */
    public ILossFunction[] losses() {
        return losses.clone();
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray sum = null;
        for (int i = 0; i < losses.length; i++) {
            INDArray term = losses[i].computeScoreArray(labels, preOutput.dup(), activationFn, mask)
                    .muli(weights[i]);
            sum = sum == null ? term : sum.addi(term);
        }
        return sum;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double score = 0;
        for (int i = 0; i < losses.length; i++) {
            score += weights[i] * losses[i].computeScore(labels, preOutput.dup(), activationFn, mask, average);
        }
        return score;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray sum = null;
        for (int i = 0; i < losses.length; i++) {
            INDArray term = losses[i].computeGradient(labels, preOutput.dup(), activationFn, mask)
                    .muli(weights[i]);
            sum = sum == null ? term : sum.addi(term);
        }
        return sum;
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
        StringBuilder text = new StringBuilder("LossWeightedSum(");
        for (int i = 0; i < losses.length; i++) {
            text.append(i == 0 ? "" : ", ").append(weights[i]).append('*').append(losses[i].name());
        }
        return text.append(')').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LossWeightedSum sum && Arrays.equals(sum.losses, losses)
                && Arrays.equals(sum.weights, weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(losses) + Arrays.hashCode(weights);
    }
}
