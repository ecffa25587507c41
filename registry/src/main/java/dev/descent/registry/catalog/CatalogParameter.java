package dev.descent.registry.catalog;

import dev.descent.model.spec.LossParameter;

/**
 * One tunable parameter of a catalog entry.
 *
 * @param name the key in an experiment file, such as {@code delta}
 * @param description what the parameter sets
 * @param defaultValue the value used when an experiment file leaves the parameter out
 * @param min the smallest allowed value, inclusive
 * @param max the largest allowed value, inclusive
 * @param wholeNumber whether only whole numbers are allowed, as for a count of bins
 */
public record CatalogParameter(String name, String description, double defaultValue, double min, double max,
                               boolean wholeNumber) {

    /** Returns the catalog form of a loss parameter. */
    static CatalogParameter of(LossParameter parameter) {
        return new CatalogParameter(parameter.name(), parameter.description(), parameter.defaultValue(),
                parameter.min(), parameter.max(), parameter.wholeNumber());
    }
}
