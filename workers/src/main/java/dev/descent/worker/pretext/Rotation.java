package dev.descent.worker.pretext;

import java.util.SplittableRandom;

import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;

/**
 * Rotation prediction: each image is turned counter-clockwise by 0, 90, 180 or 270 degrees, drawn uniformly, and the
 * target is the one-hot turn (class 0 to 3). Images must be square so that a turned image keeps its shape.
 */
public final class Rotation implements PretextPlugin {

    /** The number of turns, and so of classes. */
    public static final int TURNS = 4;

    @Override
    public PretextDefinition definition() {
        return PretextTask.ROTATION.definition();
    }

    @Override
    public int targetSize(ImageShape image) {
        return TURNS;
    }

    @Override
    public PretextBatch make(float[] clean, int count, ImageShape image, SplittableRandom random) {
        if (image.height() != image.width()) {
            throw new IllegalArgumentException("rotation needs square images, got " + image.height() + "x"
                    + image.width() + "; resize the images to a square");
        }
        int side = image.height();
        int plane = side * side;
        float[] input = new float[clean.length];
        float[] target = new float[count * TURNS];
        for (int index = 0; index < count; index++) {
            int turns = random.nextInt(TURNS);
            target[index * TURNS + turns] = 1f;
            for (int channel = 0; channel < image.channels(); channel++) {
                int base = index * image.size() + channel * plane;
                for (int row = 0; row < side; row++) {
                    for (int column = 0; column < side; column++) {
                        input[base + turnedIndex(row, column, side, turns)] = clean[base + row * side + column];
                    }
                }
            }
        }
        return new PretextBatch(input, target);
    }

    /** Returns where pixel ({@code row}, {@code column}) lands after {@code turns} counter-clockwise quarter turns. */
    static int turnedIndex(int row, int column, int side, int turns) {
        int r = row;
        int c = column;
        for (int turn = 0; turn < turns; turn++) {
            int turnedRow = side - 1 - c;
            c = r;
            r = turnedRow;
        }
        return r * side + c;
    }
}
