package dev.descent.worker.plugin.loss;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cross-entropy over quantized bins, per pixel: the output has {@code bins} columns per target channel, a softmax runs
 * over each channel's bins, and the label is that channel's one-hot bin ({@link BinnedLabels}). A row's loss is the
 * mean over target channels of {@code -w(k) * log p(k)}, with k the true bin.
 *
 * <p>With {@code rebalance} r above 0, {@code w(k)} is {@code 1 / (r * q(k) + (1 - r) / bins)}, scaled so that the
 * weights average 1 under q, where q is the share of each bin among the labels seen so far by this instance, as
 * colorization work reweights rare colours. With r = 0 every weight is 1. The counts are training state, not
 * configuration, so they are not serialised.
 *
 * <p>Not thread-safe: one network trains with one instance. The output layer's activation must be the identity,
 * because the softmax is part of the loss.
 */
public final class LossBinnedCrossEntropy implements ILossFunction {

    private static final long serialVersionUID = 1L;
    private static final double LOG_FLOOR = 1e-12;

    @JsonProperty("bins")
    private final int bins;

    @JsonProperty("rebalance")
    private final double rebalance;

    @JsonIgnore
    private transient double[] counts;

    /** Creates the loss with 16 bins and no rebalancing, for JSON deserialisation. */
    public LossBinnedCrossEntropy() {
        this(16, 0.0);
    }

    /**
     * Creates the loss.
     *
     * @param bins bins per target channel, 2 or more
     * @param rebalance the rebalancing strength r in [0, 1]
     */
    public LossBinnedCrossEntropy(@JsonProperty("bins") int bins, @JsonProperty("rebalance") double rebalance) {
        if (bins < 2) {
            throw new IllegalArgumentException("invalid bin count " + bins + "; use 2 or more bins");
        }
        if (!(rebalance >= 0 && rebalance <= 1)) {
            throw new IllegalArgumentException("invalid rebalance " + rebalance + "; use a value from 0 to 1");
        }
        this.bins = bins;
        this.rebalance = rebalance;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        int channels = channels(preOutput);
        double[] weights = weights();
        INDArray scores = Nd4j.zeros(preOutput.dataType(), preOutput.size(0), 1);
        for (int channel = 0; channel < channels; channel++) {
            INDArray label = group(labels, channel);
            INDArray logP = Transforms.log(Transforms.max(softmax(group(preOutput, channel)), LOG_FLOOR, false), false);
            INDArray rowWeight = label.mmul(weightColumn(weights, preOutput));
            scores.subi(label.mul(logP).sum(true, 1).muli(rowWeight));
        }
        return scores.divi(channels);
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
        int channels = channels(preOutput);
        count(labels, channels);
        double[] weights = weights();
        INDArray gradient = Nd4j.zeros(preOutput.dataType(), preOutput.shape());
        for (int channel = 0; channel < channels; channel++) {
            INDArray label = group(labels, channel);
            INDArray rowWeight = label.mmul(weightColumn(weights, preOutput));
            INDArray groupGradient = softmax(group(preOutput, channel)).subi(label).muliColumnVector(rowWeight)
                    .divi(channels);
            gradient.get(NDArrayIndex.all(), NDArrayIndex.interval((long) channel * bins, (long) (channel + 1) * bins))
                    .assign(groupGradient);
        }
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /** Returns the current weight of each bin; all 1 without rebalancing or before any label was counted. */
    double[] weights() {
        double[] weights = new double[bins];
        java.util.Arrays.fill(weights, 1.0);
        if (rebalance == 0 || counts == null) {
            return weights;
        }
        double total = java.util.Arrays.stream(counts).sum();
        double mean = 0;
        for (int k = 0; k < bins; k++) {
            double share = counts[k] / total;
            weights[k] = 1.0 / (rebalance * share + (1 - rebalance) / bins);
            mean += share * weights[k];
        }
        for (int k = 0; k < bins; k++) {
            weights[k] /= mean;
        }
        return weights;
    }

    private void count(INDArray labels, int channels) {
        if (rebalance == 0) {
            return;
        }
        if (counts == null) {
            counts = new double[bins];
        }
        for (int channel = 0; channel < channels; channel++) {
            double[] perBin = group(labels, channel).sum(0).toDoubleVector();
            for (int k = 0; k < bins; k++) {
                counts[k] += perBin[k];
            }
        }
    }

    private INDArray weightColumn(double[] weights, INDArray like) {
        return Nd4j.create(weights, new long[] {bins, 1}).castTo(like.dataType());
    }

    private INDArray group(INDArray rows, int channel) {
        return rows.get(NDArrayIndex.all(), NDArrayIndex.interval((long) channel * bins, (long) (channel + 1) * bins));
    }

    private static INDArray softmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray exp = Transforms.exp(shifted, false);
        return exp.diviColumnVector(exp.sum(true, 1));
    }

    private int channels(INDArray preOutput) {
        if (preOutput.size(1) % bins != 0) {
            throw new IllegalArgumentException("the output has " + preOutput.size(1) + " columns, not a multiple of "
                    + bins + " bins; build the output layer with bins columns per target channel");
        }
        return (int) (preOutput.size(1) / bins);
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public String toString() {
        return "LossBinnedCrossEntropy(bins=" + bins + ", rebalance=" + rebalance + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LossBinnedCrossEntropy loss && loss.bins == bins
                && Double.compare(loss.rebalance, rebalance) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * bins + Double.hashCode(rebalance);
    }
}
