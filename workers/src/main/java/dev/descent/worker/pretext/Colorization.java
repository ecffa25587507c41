package dev.descent.worker.pretext;

import java.util.SplittableRandom;

import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;

/**
 * Colorization: the input is the luminance Y of an RGB image and the target its chrominance (Cb, Cr), with the
 * full-range YCbCr transform of JPEG, so all three lie in [0, 1]:
 * <pre>
 * Y  =       0.299    R + 0.587    G + 0.114    B
 * Cb = 0.5 - 0.168736 R - 0.331264 G + 0.5      B
 * Cr = 0.5 + 0.5      R - 0.418688 G - 0.081312 B
 * </pre>
 */
public final class Colorization implements PretextPlugin {

    @Override
    public PretextDefinition definition() {
        return PretextTask.COLORIZATION.definition();
    }

    @Override
    public ImageShape inputShape(ImageShape image) {
        return image.withChannels(1);
    }

    @Override
    public int targetSize(ImageShape image) {
        return 2;
    }

    @Override
    public PretextBatch make(float[] clean, int count, ImageShape image, SplittableRandom random) {
        if (image.channels() != 3) {
            throw new IllegalArgumentException("colorization needs RGB images with 3 channels, got "
                    + image.channels() + "; choose an RGB dataset such as cifar-10 or image-folder");
        }
        int plane = image.height() * image.width();
        float[] input = new float[count * plane];
        float[] target = new float[count * 2 * plane];
        for (int index = 0; index < count; index++) {
            int rgb = index * 3 * plane;
            for (int pixel = 0; pixel < plane; pixel++) {
                double red = clean[rgb + pixel];
                double green = clean[rgb + plane + pixel];
                double blue = clean[rgb + 2 * plane + pixel];
                input[index * plane + pixel] = (float) (0.299 * red + 0.587 * green + 0.114 * blue);
                target[index * 2 * plane + pixel] = clamp(0.5 - 0.168736 * red - 0.331264 * green + 0.5 * blue);
                target[index * 2 * plane + plane + pixel] = clamp(0.5 + 0.5 * red - 0.418688 * green - 0.081312 * blue);
            }
        }
        return new PretextBatch(input, target);
    }

    private static float clamp(double value) {
        return (float) Math.min(1.0, Math.max(0.0, value));
    }
}
