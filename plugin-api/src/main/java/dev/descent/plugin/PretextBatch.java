package dev.descent.plugin;

/**
 * A pretext task's network input and target for a batch.
 *
 * @param input the images fed to the encoder, {@code count} images of {@link PretextPlugin#inputShape}
 * @param target for an image target, {@code count} images of the target shape; for a class target, {@code count}
 *     one-hot rows of {@link PretextPlugin#targetSize} values
 */
public record PretextBatch(float[] input, float[] target) {
}
