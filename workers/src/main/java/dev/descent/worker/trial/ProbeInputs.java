package dev.descent.worker.trial;

import java.util.SplittableRandom;

import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;
import dev.descent.worker.data.ImageSet;

/**
 * Turns labelled images into what the trained encoder reads. The probes see clean images, not corrupted ones, so
 * images pass unchanged when the pretext task's input has the image's shape. When it does not, as colorization's
 * luminance input from RGB images, the images go through the task's own {@link PretextPlugin#make} and the probes
 * read its input; a task whose input shape differs must therefore make that input without randomness.
 */
final class ProbeInputs {

    private static final int BATCH = 500;

    private final PretextPlugin pretext;
    private final ImageShape image;
    private final ImageShape input;

    ProbeInputs(PretextPlugin pretext, ImageShape image) {
        this.pretext = pretext;
        this.image = image;
        this.input = pretext.inputShape(image);
    }

    /** Returns the images as the encoder reads them, with the same labels. */
    ImageSet of(ImageSet images) {
        if (input.equals(image)) {
            return images;
        }
        float[] converted = new float[images.size() * input.size()];
        SplittableRandom unused = new SplittableRandom(0);
        for (int from = 0; from < images.size(); from += BATCH) {
            int count = Math.min(BATCH, images.size() - from);
            float[] clean = new float[count * image.size()];
            System.arraycopy(images.pixels(), from * image.size(), clean, 0, clean.length);
            PretextBatch batch = pretext.make(clean, count, image, unused);
            System.arraycopy(batch.input(), 0, converted, from * input.size(), count * input.size());
        }
        return new ImageSet(converted, images.labels(), input.channels(), input.height(), input.width());
    }
}
