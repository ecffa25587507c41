package dev.descent.worker.trial;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.worker.data.ImageSet;

/**
 * Where the probe's labelled images lie in the train split: the validation images are the last
 * {@code validationImages} of the split, and the probe's train images the {@code trainImages} just before them, so
 * the two index ranges never overlap. Pretraining reads the first {@code training.pretrainImages} images, which
 * overlap the probe's images only when all three sizes add up to more than the split.
 *
 * @param trainFrom the index of the probe's first train image
 * @param trainCount the probe's train images
 * @param validationFrom the index of the first validation image
 * @param validationCount the validation images; 0 for configs from before validation splits
 */
public record ProbeSplit(int trainFrom, int trainCount, int validationFrom, int validationCount) {

    /**
     * Places a probe's images in a train split of {@code splitSize} images.
     *
     * @throws IllegalArgumentException naming both values when the train and validation images do not fit in the
     *     split side by side, or when a count is out of range
     */
    public static ProbeSplit of(ProbeSpec probe, int splitSize) {
        int train = probe.trainImages();
        int validation = probe.validationImages();
        if (train < 1 || train > splitSize) {
            throw new IllegalArgumentException("invalid probe.train-images " + train + ": must be from 1 to "
                    + splitSize);
        }
        if (validation < 0) {
            throw new IllegalArgumentException("invalid probe.validation-images " + validation
                    + ": must be 0 or more");
        }
        if ((long) train + validation > splitSize) {
            throw new IllegalArgumentException("invalid probe sizes: probe.train-images (" + train
                    + ") plus probe.validation-images (" + validation + ") exceed the " + splitSize
                    + " images of the train split; lower one of them");
        }
        int validationFrom = splitSize - validation;
        return new ProbeSplit(validationFrom - train, train, validationFrom, validation);
    }

    /** Returns the probe's train images, a copy of {@code [trainFrom, trainFrom + trainCount)}. */
    public ImageSet train(ImageSet split) {
        return split.slice(trainFrom, trainCount);
    }

    /** Returns the validation images, or {@code null} when there are none. */
    public ImageSet validation(ImageSet split) {
        return validationCount == 0 ? null : split.slice(validationFrom, validationCount);
    }
}
