package dev.descent.registry.api;

import java.util.List;

import dev.descent.registry.store.StoredResult;

/**
 * The stored results linked to one experiment.
 *
 * @param experimentId the experiment id from the request path
 * @param count the number of results
 * @param results the results, sorted by trial id
 */
public record ExperimentResults(String experimentId, int count, List<StoredResult> results) {
}
