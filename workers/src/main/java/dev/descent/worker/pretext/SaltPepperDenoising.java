package dev.descent.worker.pretext;

import java.util.SplittableRandom;

import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;

/**
 * Denoising autoencoder with salt-and-pepper noise: each pixel position is hit with probability {@link #RATE}, and a
 * hit pixel becomes 0 or 1, with equal odds, in every channel. The target is the clean image.
 */
public final class SaltPepperDenoising implements PretextPlugin {

    /** The share of pixel positions that the noise hits. */
    public static final double RATE = 0.2;

    @Override
    public PretextDefinition definition() {
        return PretextTask.DENOISING_SALT_PEPPER.definition();
    }

    @Override
    public PretextBatch make(float[] clean, int count, ImageShape image, SplittableRandom random) {
        float[] input = clean.clone();
        int plane = image.height() * image.width();
        for (int index = 0; index < count; index++) {
            for (int pixel = 0; pixel < plane; pixel++) {
                if (random.nextDouble() >= RATE) {
                    continue;
                }
                float value = random.nextBoolean() ? 1f : 0f;
                for (int channel = 0; channel < image.channels(); channel++) {
                    input[index * image.size() + channel * plane + pixel] = value;
                }
            }
        }
        return new PretextBatch(input, clean);
    }
}
