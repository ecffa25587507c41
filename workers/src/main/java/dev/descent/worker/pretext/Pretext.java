package dev.descent.worker.pretext;

import java.util.SplittableRandom;

/**
 * A pretext task: turns clean images into a network input and a reconstruction target.
 *
 * <p>Implementations must be stateless and draw all randomness from the given generator, so a trial is
 * reproducible from its seed.
 */
public interface Pretext {

    /** Returns the name that experiment files use, one of {@link dev.descent.model.spec.PretextTask}'s ids. */
    String id();

    /**
     * Builds the input and target for a batch of images.
     *
     * @param clean {@code count * height * width} pixels in [0, 1], image after image
     * @param count images in the batch
     * @param height rows per image
     * @param width columns per image
     * @param random the trial's generator for corruption noise
     * @return arrays of the same length as {@code clean}; {@code clean} is left unchanged
     */
    PretextBatch corrupt(float[] clean, int count, int height, int width, SplittableRandom random);
}
