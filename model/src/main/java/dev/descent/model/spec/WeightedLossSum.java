package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A weighted sum of different built-in losses, such as {@code sum(1.0*l2,0.5*l1)}. Sums do not nest, and the terms
 * keep the order the experiment file gives, so reordering terms gives another canonical string and trial id.
 *
 * @param terms from {@value #MIN_TERMS} to {@value #MAX_TERMS} terms whose losses have different canonical strings
 */
public record WeightedLossSum(List<WeightedTerm> terms) implements LossSpec {

    /** The name of a sum in experiment files and canonical strings. */
    public static final String NAME = "sum";

    /** The minimum number of terms in a sum. */
    public static final int MIN_TERMS = 2;

    /** The maximum number of terms in a sum. */
    public static final int MAX_TERMS = 8;

    /**
     * The schema of each term's weight. The bounds keep weights positive and finite; Adam's step barely depends on
     * a common scale of all weights, so the ratio between weights is what matters.
     */
    public static final LossParameter WEIGHT = new LossParameter("weight",
            "the factor on one term of a weighted sum", 1.0, 0.001, 1000.0);

    /**
     * Validates the terms.
     *
     * @throws IllegalArgumentException if there are too few or too many terms, or two terms have the same loss
     */
    public WeightedLossSum {
        terms = List.copyOf(terms);
        if (terms.size() < MIN_TERMS || terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("invalid sum with " + terms.size() + " terms: a sum takes "
                    + MIN_TERMS + " to " + MAX_TERMS + " terms");
        }
        List<String> seen = new ArrayList<>();
        for (WeightedTerm term : terms) {
            String loss = term.loss().canonical();
            if (seen.contains(loss)) {
                throw new IllegalArgumentException("invalid sum: " + loss + " is listed twice; list each loss once"
                        + " and add the weights");
            }
            seen.add(loss);
        }
    }

    @Override
    public String canonical() {
        return terms.stream().map(WeightedTerm::canonical).collect(Collectors.joining(",", NAME + "(", ")"));
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (WeightedTerm term : terms) {
            weights.put(term.loss().canonical(), term.weight());
        }
        return Collections.unmodifiableMap(weights);
    }

    @Override
    public WeightedLossSum withParameter(String name, double value) {
        List<WeightedTerm> changed = new ArrayList<>(terms.size());
        boolean found = false;
        for (WeightedTerm term : terms) {
            if (term.loss().canonical().equals(name)) {
                changed.add(new WeightedTerm(value, term.loss()));
                found = true;
            }
            else {
                changed.add(term);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("unknown parameter '" + name + "' for " + canonical()
                    + "; valid parameters are the term weights " + parameters().keySet());
        }
        return new WeightedLossSum(changed);
    }
}
