package dev.descent.model.spec;

import java.util.Objects;

/**
 * One term of a {@link WeightedLossSum}.
 *
 * @param weight the factor on the loss, in {@link WeightedLossSum#WEIGHT}'s range
 * @param loss the built-in loss
 */
public record WeightedTerm(double weight, BasicLoss loss) {

    /** @throws IllegalArgumentException if the weight lies outside {@link WeightedLossSum#WEIGHT}'s range */
    public WeightedTerm {
        Objects.requireNonNull(loss, "loss");
        if (!WeightedLossSum.WEIGHT.accepts(weight)) {
            throw new IllegalArgumentException("invalid weight " + weight + " for " + loss.canonical() + ": must be "
                    + WeightedLossSum.WEIGHT.range());
        }
    }

    /** Returns {@code weight*loss}, such as {@code 0.5*huber(delta=0.1)}. */
    public String canonical() {
        return weight + "*" + loss.canonical();
    }
}
