package dev.descent.worker.pretext;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Context-encoder inpainting: a central square covering half the image's side is set to 0 (the background of
 * Fashion-MNIST) and the target is the whole clean image, so the network must fill the hole from its context.
 */
public final class Inpainting implements Pretext {

    /** The id used in experiment files. */
    public static final String ID = "inpainting";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public PretextBatch corrupt(float[] clean, int count, int height, int width, SplittableRandom random) {
        float[] input = clean.clone();
        int top = height / 4;
        int left = width / 4;
        int holeHeight = height / 2;
        int holeWidth = width / 2;
        for (int image = 0; image < count; image++) {
            int base = image * height * width;
            for (int row = top; row < top + holeHeight; row++) {
                int start = base + row * width + left;
                Arrays.fill(input, start, start + holeWidth, 0f);
            }
        }
        return new PretextBatch(input, clean);
    }

    /** Returns whether pixel ({@code row}, {@code column}) lies in the blanked square of an image of this size. */
    public static boolean inHole(int row, int column, int height, int width) {
        return row >= height / 4 && row < height / 4 + height / 2
                && column >= width / 4 && column < width / 4 + width / 2;
    }
}
