package dev.descent.cli.render;

/** Draws a text progress bar such as {@code [#######x....]}: {@code #} done, {@code x} failed, {@code .} to do. */
public final class ProgressBar {

    private ProgressBar() {
    }

    /**
     * Returns the bar, {@code width} characters between the brackets. Each kind gets its share of the width rounded
     * down, except that a non-zero count always gets at least one character, so a single failure stays visible.
     *
     * @throws IllegalArgumentException when {@code width} is less than 1 or a count is negative
     */
    public static String render(long done, long failed, long total, int width) {
        if (width < 1 || done < 0 || failed < 0 || total < 0) {
            throw new IllegalArgumentException("invalid progress bar: done " + done + ", failed " + failed
                    + ", total " + total + ", width " + width);
        }
        int doneCells = cells(done, total, width);
        int failedCells = Math.min(width - doneCells, cells(failed, total, width));
        if (total > 0 && done + failed >= total) {
            // A finished experiment fills the bar, whatever the rounding.
            doneCells = width - failedCells;
        }
        return "[" + "#".repeat(doneCells) + "x".repeat(failedCells) + ".".repeat(width - doneCells - failedCells)
                + "]";
    }

    private static int cells(long count, long total, int width) {
        if (total <= 0 || count <= 0) {
            return 0;
        }
        int cells = (int) Math.min(width, count * width / total);
        return Math.max(1, cells);
    }
}
