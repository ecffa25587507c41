package dev.descent.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageSetTest {

    @Test
    void fourArgumentConstructorIsGrayscale() {
        ImageSet images = new ImageSet(new float[2 * 6], new int[] {0, 1}, 2, 3);

        assertEquals(1, images.channels());
        assertEquals(6, images.pixelsPerImage());
    }

    @Test
    void rgbImagesCountEveryChannel() {
        ImageSet images = new ImageSet(new float[2 * 3 * 4 * 5], new int[] {0, 1}, 3, 4, 5);

        assertEquals(3, images.channels());
        assertEquals(4, images.height());
        assertEquals(5, images.width());
        assertEquals(60, images.pixelsPerImage());
    }

    @Test
    void sliceKeepsChannelsAndWholeImages() {
        float[] pixels = new float[3 * 12];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        ImageSet images = new ImageSet(pixels, new int[] {4, 5, 6}, 3, 2, 2);

        ImageSet middle = images.slice(1, 1);

        assertEquals(3, middle.channels());
        assertEquals(1, middle.size());
        assertEquals(5, middle.label(0));
        assertArrayEquals(new float[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, middle.pixels());
        assertEquals(3, images.tail(1).channels());
    }

    @Test
    void mismatchedPixelCountRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(new float[10], new int[] {0}, 3, 2, 2));

        assertTrue(error.getMessage().contains("3x2x2"), error.getMessage());
        assertTrue(error.getMessage().contains("got 10"), error.getMessage());
    }

    @Test
    void zeroChannelsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ImageSet(new float[0], new int[0], 0, 2, 2));
    }
}
