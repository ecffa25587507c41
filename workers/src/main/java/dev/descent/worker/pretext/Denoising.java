package dev.descent.worker.pretext;

import java.util.SplittableRandom;

import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;

/**
 * Denoising autoencoder: additive Gaussian noise, clipped back to [0, 1], and the clean image as target.
 */
public final class Denoising implements PretextPlugin {

    /** The id used in experiment files. */
    public static final String ID = PretextTask.DENOISING.id();

    /** The default noise standard deviation, in units of the [0, 1] pixel range. */
    public static final double DEFAULT_SIGMA = 0.3;

    private final double sigma;

    /** Creates the task with {@link #DEFAULT_SIGMA}. */
    public Denoising() {
        this(DEFAULT_SIGMA);
    }

    /**
     * Creates the task with a given noise level.
     *
     * @param sigma the noise standard deviation, in units of the [0, 1] pixel range
     */
    public Denoising(double sigma) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("invalid noise sigma " + sigma + "; must be 0 or more");
        }
        this.sigma = sigma;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public PretextDefinition definition() {
        return PretextTask.DENOISING.definition();
    }

    @Override
    public PretextBatch make(float[] clean, int count, ImageShape image, SplittableRandom random) {
        int length = count * image.size();
        float[] input = new float[length];
        for (int i = 0; i < length; i++) {
            double noisy = clean[i] + sigma * gaussian(random);
            input[i] = (float) Math.min(1.0, Math.max(0.0, noisy));
        }
        return new PretextBatch(input, clean);
    }

    /** Draws a standard normal value with the Box-Muller transform, because SplittableRandom has no nextGaussian. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
