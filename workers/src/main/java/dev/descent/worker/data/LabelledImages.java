package dev.descent.worker.data;

import java.util.List;
import java.util.Objects;

/**
 * A dataset's train and test splits with its classes.
 *
 * @param train the train split: pretraining, the probe's train images and the validation images come from it
 * @param test the test split, which only scores the leaderboard
 * @param classes the number of classes; every label lies in {@code [0, classes)}
 * @param classNames the name of each class, indexed by label
 */
public record LabelledImages(ImageSet train, ImageSet test, int classes, List<String> classNames) {

    /**
     * Checks that both splits have one image shape and that every label names a class.
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    public LabelledImages {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
        if (classes < 2 || classes != classNames.size()) {
            throw new IllegalArgumentException("expected 2 or more classes with one name each, got " + classes
                    + " classes and the names " + classNames);
        }
        if (train.channels() != test.channels() || train.height() != test.height()
                || train.width() != test.width()) {
            throw new IllegalArgumentException("train images are " + shape(train) + " but test images are "
                    + shape(test) + "; both splits need one shape");
        }
        checkLabels(train, "train", classes);
        checkLabels(test, "test", classes);
    }

    /** Returns the colour channels per image: 1 for grayscale, 3 for RGB. */
    public int channels() {
        return train.channels();
    }

    private static void checkLabels(ImageSet split, String name, int classes) {
        int[] labels = split.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("invalid label " + labels[i] + " of " + name + " image " + i
                        + "; expected 0 to " + (classes - 1));
            }
        }
    }

    private static String shape(ImageSet images) {
        return images.channels() + "x" + images.height() + "x" + images.width();
    }
}
