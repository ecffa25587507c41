package dev.descent.worker.trial;

/**
 * The two probe accuracies of one encoder.
 *
 * @param linear the linear probe's test accuracy
 * @param knn kNN's test accuracy
 */
record ProbeScores(double linear, double knn) {
}
