package dev.descent.registry.store;

/**
 * Counts of an experiment's trials by how their results reached the registry.
 *
 * @param withResults trials of the experiment with a stored result, run or reused
 * @param ran trials with a stored result that a delivery for this experiment stored or linked
 * @param reused trials with a stored result that the experiment reuses through a result link
 * @param linksAwaitingResult result links of the experiment whose result is not stored yet
 */
public record LinkCounts(int withResults, int ran, int reused, int linksAwaitingResult) {
}
