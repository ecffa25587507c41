package dev.descent.registry.catalog;

import java.util.List;

/**
 * One loss function, pretext task or evaluator that experiment files can name, as the live workers offer it.
 *
 * @param name the name an experiment file uses, such as {@code l2} or {@code inpainting}
 * @param version the newest version that a live worker offers, or the built-in version when no worker is live
 * @param description what the entry computes, in one or two sentences, from the newest version
 * @param parameters the entry's tunable parameters with defaults and ranges, from the newest version; empty when it
 *     has none
 * @param versions every version that the live workers offer, oldest first
 * @param targets the kinds of pretext target: those a loss can train, or the one a pretext task predicts; empty for
 *     evaluators
 * @param workers the ids of the live workers that offer the entry, sorted; empty when no worker is live
 * @param workerCount the number of {@code workers}
 */
public record CatalogEntry(String name, String version, String description, List<CatalogParameter> parameters,
                           List<String> versions, List<String> targets, List<String> workers, int workerCount) {

    public CatalogEntry {
        parameters = List.copyOf(parameters);
        versions = List.copyOf(versions);
        targets = List.copyOf(targets);
        workers = List.copyOf(workers);
    }
}
