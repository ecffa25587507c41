package dev.descent.worker.trial;

/**
 * The probe accuracies of one encoder.
 *
 * @param linear the linear probe's test accuracy
 * @param knn kNN's test accuracy
 * @param validationLinear the linear probe's accuracy on the validation images, or {@code null} without them
 * @param validationKnn kNN's accuracy on the validation images, or {@code null} without them
 */
record ProbeScores(double linear, double knn, Double validationLinear, Double validationKnn) {
}
