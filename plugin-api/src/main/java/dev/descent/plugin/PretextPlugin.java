package dev.descent.plugin;

import java.util.SplittableRandom;

import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.TargetKind;

/**
 * A pretext task: how the network's input and target are made from clean images. Workers find implementations with
 * {@link java.util.ServiceLoader}: list the class in {@code META-INF/services/dev.descent.plugin.PretextPlugin}.
 *
 * <p>Implementations must be stateless and thread-safe, and draw all randomness from the generator they are given,
 * so that a trial is reproducible from its seed.
 */
public interface PretextPlugin {

    /** Returns the task's name, version, description, target kind and whether it needs RGB images. */
    PretextDefinition definition();

    /** Returns the shape of the network's input for images of a shape; the image's own shape by default. */
    default ImageShape inputShape(ImageShape image) {
        return image;
    }

    /**
     * Returns the size of the target. For an image target it is the number of channels, with the image's rows and
     * columns. For a class target it is the number of classes.
     */
    default int targetSize(ImageShape image) {
        return image.channels();
    }

    /**
     * Makes the input and target of a batch.
     *
     * @param clean {@code count} images of {@code image}'s shape, left unchanged
     * @param count images in the batch
     * @param image the shape of each clean image
     * @param random the trial's generator for corruption and any other randomness
     */
    PretextBatch make(float[] clean, int count, ImageShape image, SplittableRandom random);

    /** Returns whether the target is an image or a class, from {@link #definition()}. */
    default TargetKind targetKind() {
        return definition().target();
    }
}
