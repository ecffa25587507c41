package dev.descent.model.spec;

/**
 * The downstream evaluation of a frozen encoder: a linear probe (softmax regression) and k-nearest neighbours.
 *
 * @param trainImages labelled train-split images that fit the probe and form the kNN memory
 * @param testImages test-split images that the probe and kNN are scored on
 * @param epochs passes of the linear probe over its train images
 * @param knnK neighbours that vote in kNN
 */
public record ProbeSpec(int trainImages, int testImages, int epochs, int knnK) {
}
