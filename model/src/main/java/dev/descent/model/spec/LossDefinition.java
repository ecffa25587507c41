package dev.descent.model.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loss that experiment files can name, with its parameter schema: a built-in one or one that a worker's plug-in
 * announces.
 *
 * @param name the name an experiment file uses, such as {@code huber}
 * @param version the implementation's version, such as {@code 1.0}
 * @param description what the loss computes
 * @param parameters the tunable parameters with their defaults and ranges; empty when there are none
 * @param targets the kinds of pretext target the loss can train
 */
public record LossDefinition(String name, String version, String description, List<LossParameter> parameters,
                             Set<TargetKind> targets) {

    public LossDefinition {
        parameters = List.copyOf(parameters);
        targets = Set.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("loss " + name + " declares no target kind; give image, class or both");
        }
    }

    /** Returns the name, as {@link LossFunction#id()} does for built-in losses. */
    public String id() {
        return name;
    }

    /** Returns the parameter with the given name. */
    public Optional<LossParameter> parameter(String parameterName) {
        return parameters.stream().filter(parameter -> parameter.name().equals(parameterName)).findFirst();
    }

    /** Returns the names of the parameters in declaration order. */
    public List<String> parameterNames() {
        return parameters.stream().map(LossParameter::name).toList();
    }

    /** Returns whether the loss can train a pretext task with this kind of target. */
    public boolean trains(TargetKind target) {
        return targets.contains(target);
    }
}
