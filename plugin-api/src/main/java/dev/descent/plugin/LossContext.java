package dev.descent.plugin;

import dev.descent.model.spec.TargetKind;

/**
 * The shape of what a loss trains the network to predict in one trial.
 *
 * @param target an image, or a class per example
 * @param channels the target image's channels; 0 for a class target
 * @param height the target image's rows; 0 for a class target
 * @param width the target image's columns; 0 for a class target
 * @param classes the number of classes of a class target; 0 for an image target
 * @param seed the trial's seed, for any weights or sampling the loss has of its own
 */
public record LossContext(TargetKind target, int channels, int height, int width, int classes, long seed) {

    /** Returns the context of an image target. */
    public static LossContext image(int channels, int height, int width, long seed) {
        return new LossContext(TargetKind.IMAGE, channels, height, width, 0, seed);
    }

    /** Returns the context of a class target. */
    public static LossContext classes(int classes, long seed) {
        return new LossContext(TargetKind.CLASS, 0, 0, 0, classes, seed);
    }
}
