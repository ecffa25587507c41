package dev.descent.worker.trial;

import java.util.List;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.LabelFractionScores;

/**
 * The probe accuracies of one encoder.
 *
 * @param linear the linear probe's test accuracy
 * @param knn kNN's test accuracy
 * @param validationLinear the linear probe's accuracy on the validation images, or {@code null} without them
 * @param validationKnn kNN's accuracy on the validation images, or {@code null} without them
 * @param labelFractions the probes on each label fraction with settings chosen on the validation images, or
 *     {@code null} without validation images or with the default fractions
 * @param evaluations the evaluator plug-ins on the validation and test images, or {@code null} without validation
 *     images or without evaluator plug-ins
 */
record ProbeScores(double linear, double knn, Double validationLinear, Double validationKnn,
                   List<LabelFractionScores> labelFractions, List<EvaluatorScore> evaluations) {
}
