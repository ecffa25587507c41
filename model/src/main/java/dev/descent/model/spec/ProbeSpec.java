package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The downstream evaluation of a frozen encoder: a linear probe (softmax regression) and k-nearest neighbours.
 *
 * <p>The train split is carved from its end: the last {@code validationImages} images are the validation set, and
 * the {@code trainImages} images just before them fit the probe and form the kNN memory, so the two never overlap.
 * Search strategies rank trials on the validation accuracy and never on the test accuracy.
 *
 * <p>{@code labelFractions} is left out of the JSON when it equals {@link #DEFAULT_LABEL_FRACTIONS}, so a config
 * without label fractions keeps the trial id it had before the field existed.
 *
 * @param trainImages labelled train-split images that fit the probe and form the kNN memory
 * @param testImages test-split images that the probe and kNN are scored on
 * @param epochs passes of the linear probe over its train images
 * @param knnK neighbours that vote in kNN
 * @param validationImages labelled images at the end of the train split that the probe and kNN are also scored on;
 *     0 in configs from before validation splits, where the probe's train images are the last of the split
 * @param labelFractions fractions in (0, 1] of the probe's train images that the probe and kNN are also fitted on,
 *     each with its settings chosen on the validation images; sorted ascending, and {@code null} means
 *     {@link #DEFAULT_LABEL_FRACTIONS}
 */
public record ProbeSpec(
        int trainImages,
        int testImages,
        int epochs,
        int knnK,
        int validationImages,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultLabelFractionsFilter.class)
        List<Double> labelFractions) {

    /** The validation images when an experiment file leaves {@code probe.validation-images} out. */
    public static final int DEFAULT_VALIDATION_IMAGES = 2000;

    /** The label fractions when an experiment file leaves {@code probe.label-fractions} out: all train images. */
    public static final List<Double> DEFAULT_LABEL_FRACTIONS = List.of(1.0);

    /** Sorts the label fractions and replaces {@code null} with {@link #DEFAULT_LABEL_FRACTIONS}. */
    public ProbeSpec {
        if (labelFractions == null) {
            labelFractions = DEFAULT_LABEL_FRACTIONS;
        }
        else {
            List<Double> sorted = new ArrayList<>(labelFractions);
            Collections.sort(sorted);
            labelFractions = List.copyOf(sorted);
        }
    }

    /** Creates settings with the {@link #DEFAULT_LABEL_FRACTIONS}. */
    public ProbeSpec(int trainImages, int testImages, int epochs, int knnK, int validationImages) {
        this(trainImages, testImages, epochs, knnK, validationImages, DEFAULT_LABEL_FRACTIONS);
    }

    /** Creates settings with {@link #DEFAULT_VALIDATION_IMAGES} validation images. */
    public ProbeSpec(int trainImages, int testImages, int epochs, int knnK) {
        this(trainImages, testImages, epochs, knnK, DEFAULT_VALIDATION_IMAGES);
    }

    /** The maximum number of label fractions in one probe spec, because each fraction fits a grid of probes. */
    public static final int MAX_LABEL_FRACTIONS = 10;

    /**
     * Returns the labelled train images that a fraction of {@code trainImages} draws: the product rounded to the
     * nearest whole image, and at least 1.
     */
    public static int labelFractionImages(double fraction, int trainImages) {
        return (int) Math.max(1, Math.round(fraction * trainImages));
    }

    /** Returns whether the label fractions are the default, so only the probe on all train images runs. */
    public boolean hasDefaultLabelFractions() {
        return DEFAULT_LABEL_FRACTIONS.equals(labelFractions);
    }

    /**
     * Jackson's filter for {@code labelFractions}: its {@code equals} returns true, which leaves the property out,
     * for the default fractions and for {@code null}.
     */
    static final class DefaultLabelFractionsFilter {

        @Override
        public boolean equals(Object value) {
            return value == null || DEFAULT_LABEL_FRACTIONS.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
