package dev.descent.worker.pretext;

import java.util.SplittableRandom;

import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;

/**
 * Super-resolution x2: the input is the image averaged over 2x2 blocks and enlarged back by repeating each average
 * over its block, so input and target have the same size and one network serves every pretext task. The target is
 * the full-resolution image. Both sides must be even.
 */
public final class SuperResolution implements PretextPlugin {

    @Override
    public PretextDefinition definition() {
        return PretextTask.SUPER_RESOLUTION.definition();
    }

    @Override
    public PretextBatch make(float[] clean, int count, ImageShape image, SplittableRandom random) {
        int height = image.height();
        int width = image.width();
        if (height % 2 != 0 || width % 2 != 0) {
            throw new IllegalArgumentException("super-resolution needs even image sides, got " + height + "x" + width
                    + "; resize the images to even sides");
        }
        float[] input = new float[clean.length];
        int planes = count * image.channels();
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int row = 0; row < height; row += 2) {
                for (int column = 0; column < width; column += 2) {
                    int topLeft = base + row * width + column;
                    float mean = (clean[topLeft] + clean[topLeft + 1] + clean[topLeft + width]
                            + clean[topLeft + width + 1]) / 4f;
                    input[topLeft] = mean;
                    input[topLeft + 1] = mean;
                    input[topLeft + width] = mean;
                    input[topLeft + width + 1] = mean;
                }
            }
        }
        return new PretextBatch(input, clean);
    }
}
