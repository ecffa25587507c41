package dev.descent.model.spec;

/**
 * The downstream evaluation of a frozen encoder: a linear probe (softmax regression) and k-nearest neighbours.
 *
 * <p>The train split is carved from its end: the last {@code validationImages} images are the validation set, and
 * the {@code trainImages} images just before them fit the probe and form the kNN memory, so the two never overlap.
 * Search strategies rank trials on the validation accuracy and never on the test accuracy.
 *
 * @param trainImages labelled train-split images that fit the probe and form the kNN memory
 * @param testImages test-split images that the probe and kNN are scored on
 * @param epochs passes of the linear probe over its train images
 * @param knnK neighbours that vote in kNN
 * @param validationImages labelled images at the end of the train split that the probe and kNN are also scored on;
 *     0 in configs from before validation splits, where the probe's train images are the last of the split
 */
public record ProbeSpec(int trainImages, int testImages, int epochs, int knnK, int validationImages) {

    /** The validation images when an experiment file leaves {@code probe.validation-images} out. */
    public static final int DEFAULT_VALIDATION_IMAGES = 2000;

    /** Creates settings with {@link #DEFAULT_VALIDATION_IMAGES} validation images. */
    public ProbeSpec(int trainImages, int testImages, int epochs, int knnK) {
        this(trainImages, testImages, epochs, knnK, DEFAULT_VALIDATION_IMAGES);
    }
}
