package dev.descent.plugin;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A loss as one trial trains with it: the ND4J loss on the network's output layer, and how the output layer and the
 * labels are shaped for it. The defaults suit a loss on pixel values in [0, 1], such as mean squared error.
 *
 * <p>For an image target, the output layer is a per-pixel loss layer: ND4J passes the loss rows of
 * {@code [examples * height * width, channels]} values, one row per pixel. For a class target it is a dense layer with
 * one row per example.
 */
public interface TrainingLoss extends AutoCloseable {

    /**
     * Returns the ND4J loss. For JSON round trips of the network configuration it needs a public no-argument
     * constructor, {@code org.nd4j.shade.jackson} annotations on its fields, and {@code equals}.
     */
    ILossFunction lossFunction();

    /** Returns the output layer's activation: a sigmoid by default, so outputs lie in [0, 1] like the pixels. */
    default Activation outputActivation() {
        return Activation.SIGMOID;
    }

    /**
     * Returns how many output channels the network predicts per target channel of an image target: 1 by default,
     * the number of bins for a loss over quantized values.
     */
    default int outputsPerTargetChannel() {
        return 1;
    }

    /**
     * Turns a batch of targets into the labels the loss reads: unchanged by default; one-hot bins for a loss over
     * quantized values.
     *
     * @param target {@code [examples, channels, height, width]} for an image target, {@code [examples, classes]}
     *     one-hot for a class target
     */
    default INDArray labels(INDArray target) {
        return target;
    }

    /**
     * Returns whether {@link #beforeFit} needs the network's output for each batch, which costs the trainer one more
     * forward pass per batch; false by default.
     */
    default boolean needsOutput() {
        return false;
    }

    /**
     * Runs before each training step, outside the network's own computation, for a loss with state of its own, such
     * as a discriminator that trains in alternation with the network. Does nothing by default.
     *
     * @param output the network's output for the batch, in the layout of the labels; {@code null} unless
     *     {@link #needsOutput()} is true
     * @param labels the batch's labels, as {@link #labels} made them
     */
    default void beforeFit(INDArray output, INDArray labels) {
    }

    /** Releases what the loss holds for its trial, such as a discriminator network; nothing by default. */
    @Override
    default void close() {
    }
}
