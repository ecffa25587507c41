package dev.descent.worker.pretext;

import java.util.SplittableRandom;

import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;

/**
 * Context-encoder inpainting: a central square covering half the image's side is set to 0 (the background of
 * Fashion-MNIST) in every channel and the target is the whole clean image, so the network must fill the hole from its
 * context.
 */
public final class Inpainting implements PretextPlugin {

    /** The id used in experiment files. */
    public static final String ID = PretextTask.INPAINTING.id();

    @Override
    public PretextDefinition definition() {
        return PretextTask.INPAINTING.definition();
    }

    @Override
    public PretextBatch make(float[] clean, int count, ImageShape image, SplittableRandom random) {
        float[] input = clean.clone();
        for (int index = 0; index < count; index++) {
            Holes.blank(input, index, image, image.height() / 4, image.width() / 4);
        }
        return new PretextBatch(input, clean);
    }

    /** Returns whether pixel ({@code row}, {@code column}) lies in the blanked square of an image of this size. */
    public static boolean inHole(int row, int column, int height, int width) {
        return row >= height / 4 && row < height / 4 + height / 2
                && column >= width / 4 && column < width / 4 + width / 2;
    }
}
