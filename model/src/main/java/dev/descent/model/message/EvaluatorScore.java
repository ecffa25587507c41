package dev.descent.model.message;

/**
 * One evaluator plug-in's accuracies on a trial's frozen, standardised features. The plug-in is fitted on the probe's
 * train images each time and scored once on the validation images and once on the test images. Accuracies are
 * fractions in [0, 1].
 *
 * @param name the evaluator's name, from its {@link dev.descent.model.spec.EvaluatorDefinition}
 * @param version the evaluator's version, from the same definition
 * @param validationAccuracy the accuracy on the validation images, or {@code null} when the plug-in failed or returned
 *        a value outside [0, 1]
 * @param testAccuracy the accuracy on the test images, or {@code null} in the same cases
 */
public record EvaluatorScore(String name, String version, Double validationAccuracy, Double testAccuracy) {
}
