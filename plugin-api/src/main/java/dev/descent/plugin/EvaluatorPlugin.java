package dev.descent.plugin;

import dev.descent.model.spec.EvaluatorDefinition;

/**
 * Scores frozen features with labels, as the linear probe and kNN do. Workers find implementations with
 * {@link java.util.ServiceLoader}: list the class in {@code META-INF/services/dev.descent.plugin.EvaluatorPlugin}.
 */
public interface EvaluatorPlugin {

    /** Returns the evaluator's name, version and description. */
    EvaluatorDefinition definition();

    /**
     * Fits on one set of features and returns the accuracy on another, in [0, 1].
     *
     * @param train standardised features to fit on
     * @param test standardised features to score
     * @param seed the trial's seed, for any sampling the evaluator does
     */
    double score(FeatureMatrix train, FeatureMatrix test, long seed);
}
