package dev.descent.worker.trial;

import java.util.ArrayList;
import java.util.List;

import dev.descent.model.message.LossPoint;

/**
 * Collects a pretext-loss curve of about {@value #TARGET_POINTS} points, whatever the training length: every
 * {@code interval} batches it appends the image-weighted mean loss of those batches. Not thread-safe.
 */
final class LossCurveRecorder {

    /** Points a full training run produces, so a curve stays small in a result message (about 4 KB as JSON). */
    static final int TARGET_POINTS = 100;

    private final int interval;
    private final List<LossPoint> points = new ArrayList<>();
    private double weightedSum;
    private long windowImages;
    private int windowBatches;
    private long images;

    /** Creates a recorder for a training run of {@code totalBatches} batches over all epochs. */
    LossCurveRecorder(long totalBatches) {
        this.interval = (int) Math.max(1, (totalBatches + TARGET_POINTS - 1) / TARGET_POINTS);
    }

    /** Adds one batch: its size in images and its mean per-pixel loss. */
    void add(int batchImages, double batchLoss) {
        weightedSum += batchLoss * batchImages;
        windowImages += batchImages;
        images += batchImages;
        windowBatches++;
        if (windowBatches >= interval) {
            flush();
        }
    }

    /** Returns the curve so far, including a last point for batches since the previous one. */
    List<LossPoint> points() {
        flush();
        return List.copyOf(points);
    }

    int interval() {
        return interval;
    }

    private void flush() {
        if (windowImages > 0) {
            points.add(new LossPoint(images, weightedSum / windowImages));
        }
        weightedSum = 0;
        windowImages = 0;
        windowBatches = 0;
    }
}
