package dev.descent.worker.pretext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;

/** Input and target construction of the random-hole, salt-and-pepper, super-resolution, colour and rotation tasks. */
class MorePretextTasksTest {

    private static final ImageShape GRAY = new ImageShape(1, 8, 8);
    private static final ImageShape RGB = new ImageShape(3, 4, 4);

    private static float[] distinct(int images, ImageShape shape) {
        float[] values = new float[images * shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.05f + 0.9f * i / values.length;
        }
        return values;
    }

    @Test
    void randomHoleMovesBetweenImages() {
        float[] clean = distinct(20, GRAY);
        PretextBatch batch = new RandomInpainting().make(clean, 20, GRAY, new SplittableRandom(5));

        java.util.Set<Integer> corners = new java.util.HashSet<>();
        for (int image = 0; image < 20; image++) {
            int zeros = 0;
            int firstZero = -1;
            for (int pixel = 0; pixel < GRAY.size(); pixel++) {
                if (batch.input()[image * GRAY.size() + pixel] == 0f) {
                    zeros++;
                    firstZero = firstZero < 0 ? pixel : firstZero;
                }
            }
            assertEquals(16, zeros, "a 4x4 hole in an 8x8 image, image " + image);
            corners.add(firstZero);
        }
        assertTrue(corners.size() > 3, "the hole moves between images: " + corners);
        assertArrayEquals(clean, batch.target());
    }

    @Test
    void saltAndPepperHitsOneFifth() {
        ImageShape shape = new ImageShape(1, 28, 28);
        float[] grey = new float[100 * shape.size()];
        java.util.Arrays.fill(grey, 0.5f);
        PretextBatch batch = new SaltPepperDenoising().make(grey, 100, shape, new SplittableRandom(3));

        int salt = 0;
        int pepper = 0;
        for (float value : batch.input()) {
            salt += value == 1f ? 1 : 0;
            pepper += value == 0f ? 1 : 0;
            assertTrue(value == 0f || value == 1f || value == 0.5f, "value " + value);
        }
        assertEquals(0.1, salt / (double) grey.length, 0.01);
        assertEquals(0.1, pepper / (double) grey.length, 0.01);
    }

    @Test
    void saltAndPepperHitsAllChannelsOfAPixel() {
        float[] clean = new float[RGB.size()];
        java.util.Arrays.fill(clean, 0.5f);
        PretextBatch batch = new SaltPepperDenoising().make(clean, 1, RGB, new SplittableRandom(11));

        int plane = RGB.height() * RGB.width();
        for (int pixel = 0; pixel < plane; pixel++) {
            float red = batch.input()[pixel];
            assertEquals(red, batch.input()[plane + pixel]);
            assertEquals(red, batch.input()[2 * plane + pixel]);
        }
    }

    @Test
    void superResolutionAveragesTwoByTwoBlocks() {
        ImageShape shape = new ImageShape(1, 2, 4);
        float[] clean = {0.0f, 0.2f, 1.0f, 1.0f,
                         0.4f, 0.6f, 0.0f, 0.2f};
        PretextBatch batch = new SuperResolution().make(clean, 1, shape, new SplittableRandom(1));

        assertArrayEquals(new float[] {0.3f, 0.3f, 0.55f, 0.55f, 0.3f, 0.3f, 0.55f, 0.55f}, batch.input(), 1e-6f);
        assertArrayEquals(clean, batch.target());
        assertThrows(IllegalArgumentException.class,
                () -> new SuperResolution().make(new float[9], 1, new ImageShape(1, 3, 3), new SplittableRandom(1)));
    }

    @Test
    void colorizationSplitsLuminanceFromChrominance() {
        ImageShape pixel = new ImageShape(3, 1, 1);
        Colorization colorization = new Colorization();

        PretextBatch red = colorization.make(new float[] {1f, 0f, 0f}, 1, pixel, new SplittableRandom(1));
        PretextBatch grey = colorization.make(new float[] {0.5f, 0.5f, 0.5f}, 1, pixel, new SplittableRandom(1));

        assertArrayEquals(new float[] {0.299f}, red.input(), 1e-6f);
        assertArrayEquals(new float[] {0.5f - 0.168736f, 1.0f}, red.target(), 1e-6f);
        assertArrayEquals(new float[] {0.5f}, grey.input(), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.5f}, grey.target(), 1e-6f, "grey has no chrominance");
        assertEquals(1, colorization.inputShape(RGB).channels());
        assertEquals(2, colorization.targetSize(RGB));
        assertThrows(IllegalArgumentException.class,
                () -> colorization.make(new float[16], 1, new ImageShape(1, 4, 4), new SplittableRandom(1)));
    }

    @Test
    void rotationTurnsImagesAndLabelsTheTurn() {
        ImageShape shape = new ImageShape(1, 2, 2);
        float[] clean = {1f, 2f,
                         3f, 4f};
        Rotation rotation = new Rotation();
        int[] seen = new int[Rotation.TURNS];
        SplittableRandom random = new SplittableRandom(9);
        for (int draw = 0; draw < 200; draw++) {
            PretextBatch batch = rotation.make(clean, 1, shape, random);
            int turns = argmax(batch.target());
            seen[turns]++;
            float[] expected = switch (turns) {
                case 0 -> new float[] {1f, 2f, 3f, 4f};
                case 1 -> new float[] {2f, 4f, 1f, 3f};
                case 2 -> new float[] {4f, 3f, 2f, 1f};
                default -> new float[] {3f, 1f, 4f, 2f};
            };
            assertArrayEquals(expected, batch.input(), "turned " + turns + " times counter-clockwise");
        }
        for (int turns = 0; turns < Rotation.TURNS; turns++) {
            assertNotEquals(0, seen[turns], "every turn is drawn");
        }
        assertEquals(4, rotation.targetSize(shape));
        assertThrows(IllegalArgumentException.class,
                () -> rotation.make(new float[8], 1, new ImageShape(1, 2, 4), new SplittableRandom(1)));
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
