package dev.descent.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AreaResizeTest {

    @Test
    void sameSideReturnsInput() {
        float[] pixels = new float[3 * 4 * 4];

        assertSame(pixels, AreaResize.toSquare(pixels, 3, 4, 4, 4));
    }

    @Test
    void halvingAveragesTwoByTwoBlocks() {
        float[] pixels = {
            0.0f, 0.2f, 0.4f, 0.4f,
            0.4f, 0.2f, 0.8f, 0.0f,
            1.0f, 1.0f, 0.0f, 0.0f,
            1.0f, 1.0f, 0.0f, 0.4f,
        };

        float[] resized = AreaResize.toSquare(pixels, 1, 4, 4, 2);

        assertArrayEquals(new float[] {0.2f, 0.4f, 1.0f, 0.1f}, resized, 1e-6f);
    }

    @Test
    void doublingRepeatsPixels() {
        float[] pixels = {0.1f, 0.2f, 0.3f, 0.4f};

        float[] resized = AreaResize.toSquare(pixels, 1, 2, 2, 4);

        assertArrayEquals(new float[] {
            0.1f, 0.1f, 0.2f, 0.2f,
            0.1f, 0.1f, 0.2f, 0.2f,
            0.3f, 0.3f, 0.4f, 0.4f,
            0.3f, 0.3f, 0.4f, 0.4f,
        }, resized, 1e-6f);
    }

    @Test
    void thirdsWeighPartialPixels() {
        // Three source pixels onto two: each output covers 1.5 pixels, so the middle one counts half in each.
        float[] pixels = {0.0f, 0.6f, 0.3f, 0.0f, 0.6f, 0.3f, 0.0f, 0.6f, 0.3f};

        float[] resized = AreaResize.toSquare(pixels, 1, 3, 3, 2);

        float left = (0.0f + 0.5f * 0.6f) / 1.5f;
        float right = (0.5f * 0.6f + 0.3f) / 1.5f;
        assertArrayEquals(new float[] {left, right, left, right}, resized, 1e-6f);
    }

    @Test
    void channelsResizeSeparately() {
        float[] pixels = {0.2f, 0.2f, 0.2f, 0.2f, 0.6f, 0.6f, 0.6f, 0.6f};

        float[] resized = AreaResize.toSquare(pixels, 2, 2, 2, 1);

        assertEquals(2, resized.length);
        assertEquals(0.2f, resized[0], 1e-6f);
        assertEquals(0.6f, resized[1], 1e-6f);
    }

    @Test
    void wideImageStretchesToSquare() {
        float[] pixels = {0.0f, 0.4f, 0.6f, 1.0f};

        float[] resized = AreaResize.toSquare(pixels, 1, 1, 4, 2);

        assertArrayEquals(new float[] {0.2f, 0.8f, 0.2f, 0.8f}, resized, 1e-6f);
    }
}
