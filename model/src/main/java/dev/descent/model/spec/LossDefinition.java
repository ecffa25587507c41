package dev.descent.model.spec;

import java.util.List;

/**
 * A loss that experiment files can name, with its parameter schema.
 *
 * @param name the name an experiment file uses, such as {@code huber}
 * @param description what the loss computes
 * @param parameters the tunable parameters with their defaults and ranges; empty when there are none
 */
public record LossDefinition(String name, String description, List<LossParameter> parameters) {

    public LossDefinition {
        parameters = List.copyOf(parameters);
    }
}
