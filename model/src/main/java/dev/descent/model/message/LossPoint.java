package dev.descent.model.message;

/**
 * One point of a trial's pretext-loss curve.
 *
 * @param images the pretext training images processed so far, counting every epoch
 * @param loss the mean per-pixel pretext loss over the batches since the previous point
 */
public record LossPoint(long images, double loss) {
}
