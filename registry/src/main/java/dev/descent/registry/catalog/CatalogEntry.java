package dev.descent.registry.catalog;

import java.util.List;

/**
 * One loss function or pretext task that experiment files can name.
 *
 * @param name the name an experiment file uses, such as {@code l2} or {@code inpainting}
 * @param version the implementation's version; every built-in is {@value BuiltInCatalog#BUILT_IN_VERSION}
 * @param description what the entry computes, in one or two sentences
 * @param parameters the entry's tunable parameters with defaults and ranges; empty when it has none
 */
public record CatalogEntry(String name, String version, String description, List<CatalogParameter> parameters) {
}
