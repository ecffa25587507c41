package dev.descent.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void emptyAndFull() {
        assertEquals("[..........]", ProgressBar.render(0, 0, 8, 10));
        assertEquals("[##########]", ProgressBar.render(8, 0, 8, 10));
        assertEquals("[..........]", ProgressBar.render(0, 0, 0, 10));
    }

    @Test
    void partialRoundsDown() {
        assertEquals("[###.......]", ProgressBar.render(3, 0, 8, 10));
        assertEquals("[#####.....]", ProgressBar.render(1, 0, 2, 10));
    }

    @Test
    void failuresStayVisible() {
        assertEquals("[#x........]", ProgressBar.render(1, 1, 100, 10));
        assertEquals("[#########x]", ProgressBar.render(99, 1, 100, 10));
        assertEquals("[xxxxxxxxxx]", ProgressBar.render(0, 4, 4, 10));
    }

    @Test
    void invalidArgumentsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.render(1, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.render(-1, 0, 2, 10));
    }
}
