package dev.descent.worker.plugin.loss;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A GAN discriminator as a learned loss on an image output. Before each fit, the trainer hands the batch's output to
 * {@link AdversarialState#step}, which trains the discriminator once and stores each output image's loss
 * {@code -log D(output)} (the non-saturating generator loss) and its gradient. During the fit, ND4J hands this loss one
 * row per pixel ({@code [examples * height * width, channels]}); the loss returns the stored values in that layout,
 * the gradient passed back through the output activation.
 * An image's score is spread evenly over its pixel rows, so the network's score, which ND4J sums over rows and
 * averages over images, is the mean of {@code -log D(output)}.
 *
 * <p>Not thread-safe: one network trains with one instance.
 */
public final class LossAdversarial implements ILossFunction {

    private static final long serialVersionUID = 1L;
    @JsonProperty("slot")
    private final String slot;

    @JsonProperty("channels")
    private final int channels;

    @JsonProperty("height")
    private final int height;

    @JsonProperty("width")
    private final int width;

    /** Creates an unusable loss, for JSON deserialisation only. */
    public LossAdversarial() {
        this("", 1, 1, 1);
    }

    /**
     * Creates the loss for images of a shape whose state is stored under a key of {@link AdversarialSlots}.
     */
    public LossAdversarial(@JsonProperty("slot") String slot, @JsonProperty("channels") int channels,
                           @JsonProperty("height") int height, @JsonProperty("width") int width) {
        this.slot = slot;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray perImage = state().scores().castTo(preOutput.dataType()).divi((double) height * width);
        checkRows(preOutput, perImage.size(0));
        return perImage.repeat(1, (long) height * width).reshape('c', preOutput.size(0), 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray scores = computeScoreArray(labels, preOutput, activationFn, mask);
        double score = scores.sumNumber().doubleValue();
        return average ? score / (scores.size(0) / ((double) height * width)) : score;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray imageGradient = state().gradient();
        checkRows(preOutput, imageGradient.size(0));
        INDArray dLdOutput = rows(imageGradient.castTo(preOutput.dataType()));
        return activationFn.backprop(preOutput.dup(), dLdOutput).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    private void checkRows(INDArray preOutput, long images) {
        if (preOutput.size(0) != images * height * width) {
            throw new IllegalStateException("the adversarial loss got " + preOutput.size(0) + " pixel rows but its last "
                    + "discriminator step saw " + images + " images of " + height + "x" + width + "; call beforeFit "
                    + "with each batch's output before fitting it");
        }
    }

    /** Turns {@code [examples, channels, height, width]} images into one row per pixel. */
    private INDArray rows(INDArray images) {
        long examples = images.size(0);
        return images.permute(0, 2, 3, 1).dup('c').reshape('c', examples * height * width, channels);
    }

    /** Returns the key of the trial's state in {@link AdversarialSlots}. */
    String slot() {
        return slot;
    }

    private AdversarialState state() {
        return AdversarialSlots.get(slot).orElseThrow(() -> new IllegalStateException("the discriminator of "
                + "adversarial loss slot '" + slot + "' is gone; an adversarial loss trains only within its trial"));
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public String toString() {
        return "LossAdversarial(" + channels + "x" + height + "x" + width + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LossAdversarial loss && loss.slot.equals(slot) && loss.channels == channels
                && loss.height == height && loss.width == width;
    }

    @Override
    public int hashCode() {
        return slot.hashCode();
    }
}
