package dev.descent.model.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One loss, built in or from a plug-in, with a value for each of its parameters.
 *
 * @param function the loss's definition, as {@link LossSchemas#lookup} returns it
 * @param parameters a value for every parameter of {@code function}, in declaration order; the constructor fills in
 *     defaults for missing names
 */
public record BasicLoss(LossDefinition function, Map<String, Double> parameters) implements LossSpec {

    /**
     * Validates the parameters and fills in defaults.
     *
     * @throws IllegalArgumentException if a name is not a parameter of {@code function} or a value lies outside
     *     its range
     */
    public BasicLoss {
        Objects.requireNonNull(function, "function");
        Map<String, Double> requested = parameters == null ? Map.of() : parameters;
        for (String name : requested.keySet()) {
            if (function.parameter(name).isEmpty()) {
                throw new IllegalArgumentException(unknownParameter(function, name));
            }
        }
        Map<String, Double> complete = new LinkedHashMap<>();
        for (LossParameter parameter : function.parameters()) {
            Double value = requested.get(parameter.name());
            double checked = value == null ? parameter.defaultValue() : value;
            if (!parameter.accepts(checked)) {
                throw new IllegalArgumentException("invalid " + function.id() + " " + parameter.name() + " "
                        + checked + ": must be " + parameter.range());
            }
            complete.put(parameter.name(), checked);
        }
        parameters = Collections.unmodifiableMap(complete);
    }

    /** Returns the loss with every parameter at its default. */
    public static BasicLoss of(LossFunction function) {
        return new BasicLoss(function.definition(), Map.of());
    }

    /** Returns the loss with every parameter at its default. */
    public static BasicLoss of(LossDefinition function) {
        return new BasicLoss(function, Map.of());
    }

    @Override
    public String canonical() {
        StringJoiner changed = new StringJoiner(",", "(", ")").setEmptyValue("");
        for (LossParameter parameter : function.parameters()) {
            double value = parameters.get(parameter.name());
            if (Double.compare(value, parameter.defaultValue()) != 0) {
                changed.add(parameter.name() + "=" + value);
            }
        }
        return function.id() + changed;
    }

    @Override
    public BasicLoss withParameter(String name, double value) {
        if (function.parameter(name).isEmpty()) {
            throw new IllegalArgumentException(unknownParameter(function, name));
        }
        Map<String, Double> changed = new LinkedHashMap<>(parameters);
        changed.put(name, value);
        return new BasicLoss(function, changed);
    }

    private static String unknownParameter(LossDefinition function, String name) {
        if (function.parameters().isEmpty()) {
            return "unknown parameter '" + name + "': " + function.id() + " has no parameters";
        }
        return "unknown parameter '" + name + "' for " + function.id() + "; valid parameters are "
                + function.parameterNames();
    }
}
