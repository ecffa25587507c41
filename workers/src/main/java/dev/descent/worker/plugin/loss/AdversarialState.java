package dev.descent.worker.plugin.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One trial's adversarial training state: the discriminator, and the generator loss and its gradient for the batch
 * about to be fitted. {@link #step} runs before each fit, outside the pretext network's workspaces, because a network
 * cannot run inside another network's backward pass in DL4J 1.0.0-M2.1.
 *
 * <p>Not thread-safe; one trial owns one state.
 */
final class AdversarialState {

    private static final double LOG_FLOOR = 1e-7;

    private final Discriminator discriminator;
    private INDArray scores;
    private INDArray gradient;

    AdversarialState(Discriminator discriminator) {
        this.discriminator = discriminator;
    }

    /**
     * Trains the discriminator once on the targets (real) against the outputs (generated), then stores, per output
     * image, the generator loss {@code -log D(output)} and its gradient through the trained discriminator.
     *
     * @param output {@code [examples, channels, height, width]} network outputs
     * @param target {@code [examples, channels, height, width]} target images
     */
    void step(INDArray output, INDArray target) {
        INDArray fake = output.detach();
        discriminator.train(target.detach().castTo(fake.dataType()), fake);
        scores = Transforms.log(Transforms.max(discriminator.judge(fake), LOG_FLOOR, false), false).negi();
        gradient = discriminator.generatorGradient(fake);
    }

    /** Returns {@code -log D(output)} per image of the last step, as a column. */
    INDArray scores() {
        return require(scores);
    }

    /** Returns the gradient of each image's generator loss with respect to its output pixels, from the last step. */
    INDArray gradient() {
        return require(gradient);
    }

    Discriminator discriminator() {
        return discriminator;
    }

    private static INDArray require(INDArray array) {
        if (array == null) {
            throw new IllegalStateException("the adversarial loss was used before its first discriminator step; the "
                    + "trainer must call beforeFit with the network's output before each fit");
        }
        return array;
    }
}
