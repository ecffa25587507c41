package dev.descent.worker.pretext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.worker.plugin.Plugins;
import org.junit.jupiter.api.Test;

class PretextTest {

    private static final int SIDE = 28;
    private static final ImageShape GRAY = new ImageShape(1, SIDE, SIDE);

    private static float[] ramp(int images) {
        float[] clean = new float[images * SIDE * SIDE];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = 0.1f + 0.8f * (i % 97) / 96f;
        }
        return clean;
    }

    @Test
    void inpaintingBlanksCentralSquareOnly() {
        float[] clean = ramp(2);
        float[] original = clean.clone();

        PretextBatch batch = new Inpainting().make(clean, 2, GRAY, new SplittableRandom(1));

        int blanked = 0;
        for (int image = 0; image < 2; image++) {
            for (int row = 0; row < SIDE; row++) {
                for (int column = 0; column < SIDE; column++) {
                    int i = image * SIDE * SIDE + row * SIDE + column;
                    if (row >= 7 && row < 21 && column >= 7 && column < 21) {
                        assertEquals(0f, batch.input()[i], "pixel " + row + "," + column);
                        blanked++;
                    }
                    else {
                        assertEquals(clean[i], batch.input()[i], "pixel " + row + "," + column);
                    }
                }
            }
        }
        assertEquals(2 * 14 * 14, blanked);
        assertArrayEquals(original, batch.target());
        assertArrayEquals(original, clean);
    }

    @Test
    void inHoleMatchesCorruption() {
        assertTrue(Inpainting.inHole(7, 7, SIDE, SIDE));
        assertTrue(Inpainting.inHole(20, 20, SIDE, SIDE));
        assertFalse(Inpainting.inHole(6, 10, SIDE, SIDE));
        assertFalse(Inpainting.inHole(10, 21, SIDE, SIDE));
    }

    @Test
    void denoisingNoiseIsBoundedAndClipped() {
        float[] clean = ramp(4);
        PretextBatch batch = new Denoising().make(clean, 4, GRAY, new SplittableRandom(7));

        boolean changed = false;
        for (int i = 0; i < clean.length; i++) {
            float value = batch.input()[i];
            assertTrue(value >= 0f, "pixel " + i + " = " + value);
            assertTrue(value <= 1f, "pixel " + i + " = " + value);
            changed |= value != clean[i];
        }
        assertTrue(changed);
        assertSame(clean, batch.target());
    }

    @Test
    void denoisingNoiseHasConfiguredSigma() {
        float[] grey = new float[100 * SIDE * SIDE];
        Arrays.fill(grey, 0.5f);
        PretextBatch batch = new Denoising(0.1).make(grey, 100, GRAY, new SplittableRandom(3));

        double sum = 0;
        double squares = 0;
        for (float value : batch.input()) {
            sum += value - 0.5;
            squares += (value - 0.5) * (value - 0.5);
        }
        double mean = sum / grey.length;
        double std = Math.sqrt(squares / grey.length - mean * mean);
        // With sigma 0.1 around 0.5, clipping at 0 and 1 (5 sigma away) is negligible.
        assertEquals(0.0, mean, 0.002);
        assertEquals(0.1, std, 0.002);
    }

    @Test
    void denoisingIsDeterministicPerSeed() {
        float[] clean = ramp(2);
        Denoising denoising = new Denoising();

        float[] first = denoising.make(clean, 2, GRAY, new SplittableRandom(42)).input();
        float[] again = denoising.make(clean, 2, GRAY, new SplittableRandom(42)).input();
        float[] other = denoising.make(clean, 2, GRAY, new SplittableRandom(43)).input();

        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void pluginsCoverEveryBuiltInPretextTask() {
        for (String id : PretextTask.ids()) {
            assertEquals(id, Plugins.pretext(id).orElseThrow().definition().name());
        }
        assertTrue(Plugins.pretext("jigsaw").isEmpty());
    }
}
