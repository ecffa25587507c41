package dev.descent.worker.pretext;

import java.util.Arrays;

import dev.descent.plugin.ImageShape;

/** Blanks the square hole of the inpainting tasks: half of each side, in every channel. */
final class Holes {

    private Holes() {
    }

    /** Sets the hole with its top-left corner at ({@code top}, {@code left}) to 0 in image {@code index}. */
    static void blank(float[] pixels, int index, ImageShape image, int top, int left) {
        int holeHeight = image.height() / 2;
        int holeWidth = image.width() / 2;
        for (int channel = 0; channel < image.channels(); channel++) {
            int base = index * image.size() + channel * image.height() * image.width();
            for (int row = top; row < top + holeHeight; row++) {
                int start = base + row * image.width() + left;
                Arrays.fill(pixels, start, start + holeWidth, 0f);
            }
        }
    }
}
