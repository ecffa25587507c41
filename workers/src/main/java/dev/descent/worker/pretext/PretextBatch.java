package dev.descent.worker.pretext;

/**
 * A pretext task's network input and reconstruction target, both {@code count * height * width} pixels.
 *
 * @param input the corrupted images fed to the encoder
 * @param target the images the decoder must reproduce
 */
public record PretextBatch(float[] input, float[] target) {
}
