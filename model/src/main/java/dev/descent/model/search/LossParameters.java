package dev.descent.model.search;

import java.util.List;

import dev.descent.model.spec.LossSpec;
import dev.descent.model.spec.LossSpecs;

/** Sets one parameter of a loss given as its canonical string, for random search. */
public final class LossParameters {

    private LossParameters() {
    }

    /**
     * Returns the loss with the parameter set, or the loss unchanged when it has no parameter of that name, so one
     * distribution can apply to some of an experiment's losses and not to others.
     *
     * @throws IllegalArgumentException when the value is outside the parameter's range
     */
    public static String apply(String loss, String name, double value) {
        LossSpec spec = LossSpecs.parseCanonical(loss);
        if (!spec.parameters().containsKey(name)) {
            return loss;
        }
        return spec.withParameter(name, value).canonical();
    }

    /**
     * Returns the problem with a distribution for {@code loss.<name>}: no listed loss has the parameter, or a bound of
     * the distribution is outside the parameter's range; {@code null} when there is none.
     */
    public static String check(List<String> losses, String name, Distribution distribution) {
        List<Double> bounds = distribution.kind() == Distribution.Kind.CHOICE ? distribution.values()
                : List.of(distribution.min(), distribution.max());
        boolean applies = false;
        for (String loss : losses) {
            LossSpec spec = LossSpecs.parseCanonical(loss);
            if (!spec.parameters().containsKey(name)) {
                continue;
            }
            applies = true;
            for (double bound : bounds) {
                try {
                    spec.withParameter(name, bound);
                }
                catch (IllegalArgumentException e) {
                    return "the distribution reaches " + bound + ", which loss '" + loss + "' rejects: "
                            + e.getMessage();
                }
            }
        }
        return applies ? null : "no listed loss has a parameter '" + name + "'; losses " + losses
                + " have the parameters " + losses.stream().map(loss -> loss + " " + LossSpecs.parseCanonical(loss)
                .parameters().keySet()).toList();
    }
}
