package dev.descent.bench.profile;

/**
 * Accumulated times of one model's training steps, in nanoseconds of the profiler's {@link StepClock}, split by layer
 * and by phase.
 *
 * <p>{@code fitNanos} and {@code fitDataNanos} come from plain {@code fit()} calls; the other fields from the
 * layer-by-layer step in {@link ProfiledStep} over the same batches.
 */
final class LayerTimings {

    final long[] forwardNanos;
    final long[] backwardNanos;
    final long[][] outputShapes;
    long lossNanos;
    long updaterNanos;
    long dataNanos;
    long fitNanos;
    long fitDataNanos;
    int profiledBatches;
    int fitBatches;

    LayerTimings(int layers) {
        forwardNanos = new long[layers];
        backwardNanos = new long[layers];
        outputShapes = new long[layers][];
    }

    /** Returns the sum of all profiled parts (layers, loss, updater and data), in nanoseconds. */
    long profiledTotalNanos() {
        long total = lossNanos + updaterNanos + dataNanos;
        for (int i = 0; i < forwardNanos.length; i++) {
            total += forwardNanos[i] + backwardNanos[i];
        }
        return total;
    }
}
