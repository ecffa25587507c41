package dev.descent.worker.pretext;

import java.util.SplittableRandom;

import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;

/**
 * Context-encoder inpainting with a random hole: the same square as {@link Inpainting}, half of each side, placed
 * uniformly at random inside each image.
 */
public final class RandomInpainting implements PretextPlugin {

    @Override
    public PretextDefinition definition() {
        return PretextTask.INPAINTING_RANDOM.definition();
    }

    @Override
    public PretextBatch make(float[] clean, int count, ImageShape image, SplittableRandom random) {
        float[] input = clean.clone();
        int topRange = image.height() - image.height() / 2 + 1;
        int leftRange = image.width() - image.width() / 2 + 1;
        for (int index = 0; index < count; index++) {
            Holes.blank(input, index, image, random.nextInt(topRange), random.nextInt(leftRange));
        }
        return new PretextBatch(input, clean);
    }
}
