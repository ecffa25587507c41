package dev.descent.bench;

/** Rotates square images by multiples of 90 degrees, counter-clockwise like {@code numpy.rot90}. */
public final class Rotations {

    private Rotations() {
    }

    /**
     * Writes image {@code source} of {@code pixels}, rotated by {@code quarterTurns} x 90 degrees, into {@code target}
     * at image index {@code slot}.
     */
    public static void rotateInto(float[] pixels, int source, int side, int quarterTurns, float[] target, int slot) {
        int area = side * side;
        int from = source * area;
        int to = slot * area;
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                float value = pixels[from + row * side + column];
                int r;
                int c;
                switch (quarterTurns & 3) {
                    case 1 -> { r = side - 1 - column; c = row; }
                    case 2 -> { r = side - 1 - row; c = side - 1 - column; }
                    case 3 -> { r = column; c = side - 1 - row; }
                    default -> { r = row; c = column; }
                }
                target[to + r * side + c] = value;
            }
        }
    }
}
