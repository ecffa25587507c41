package dev.descent.model.spec;

import java.util.Map;

/**
 * A reconstruction loss as an experiment requests it: a built-in loss with its parameters ({@link BasicLoss}) or a
 * weighted sum of such losses ({@link WeightedLossSum}).
 *
 * <p>{@link #canonical()} is the form stored in {@code TrialConfig.loss}, so two specs that train the same loss
 * share one string and therefore one trial id. {@link LossSpecs#parseCanonical} reads it back.
 */
public sealed interface LossSpec permits BasicLoss, WeightedLossSum {

    /**
     * Returns the canonical string: {@code l2}, {@code huber} at the default delta, {@code huber(delta=0.1)},
     * {@code sum(1.0*l2,0.5*l1)}. Numbers use {@link Double#toString(double)}, and parameters equal to their
     * default are left out.
     */
    String canonical();

    /**
     * Returns the tunable values in a stable order: a basic loss's parameters by name, such as {@code delta}, with
     * defaults filled in; a sum's weights by the canonical string of each term's loss, such as {@code l1}.
     */
    Map<String, Double> parameters();

    /**
     * Returns a copy with one value of {@link #parameters()} replaced.
     *
     * @throws IllegalArgumentException naming the valid parameters when {@code name} is not one of them, or the
     *     range when {@code value} lies outside it
     */
    LossSpec withParameter(String name, double value);
}
