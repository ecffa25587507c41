package dev.descent.registry.catalog;

/**
 * One tunable parameter of a catalog entry.
 *
 * @param name the key in an experiment file, such as {@code delta}
 * @param description what the parameter sets
 * @param defaultValue the value used when an experiment file leaves the parameter out
 * @param min the smallest allowed value, inclusive
 * @param max the largest allowed value, inclusive
 */
public record CatalogParameter(String name, String description, double defaultValue, double min, double max) {
}
