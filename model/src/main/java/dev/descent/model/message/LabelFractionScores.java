package dev.descent.model.message;

/**
 * The probe and kNN fitted on one fraction of the probe's labelled train images, each at the setting that scored
 * best on the validation images. The test accuracies are measured only at the chosen settings, so the test images
 * never influence a choice. Accuracies are fractions in [0, 1].
 *
 * @param fraction the fraction of the probe's train images, in (0, 1]
 * @param images the labelled train images drawn for this fraction, class-balanced where the classes allow
 * @param linearL2 the linear probe's L2 weight chosen on the validation images
 * @param knnK the number of kNN neighbours chosen on the validation images
 * @param validationLinearProbeAccuracy the linear probe's accuracy on the validation images at {@code linearL2}
 * @param linearProbeAccuracy the linear probe's accuracy on the test images at {@code linearL2}
 * @param validationKnnAccuracy kNN's accuracy on the validation images at {@code knnK}
 * @param knnAccuracy kNN's accuracy on the test images at {@code knnK}
 */
public record LabelFractionScores(
        double fraction,
        int images,
        double linearL2,
        int knnK,
        double validationLinearProbeAccuracy,
        double linearProbeAccuracy,
        double validationKnnAccuracy,
        double knnAccuracy) {
}
