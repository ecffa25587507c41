package dev.descent.registry.store;

/**
 * Filters for stored results; a {@code null} filter matches everything.
 *
 * @param experimentId only results linked to this experiment
 * @param dataset only results whose config names this dataset
 * @param pretext only results whose config names this pretext task
 */
public record ResultQuery(String experimentId, String dataset, String pretext) {

    /** Returns a query that matches every stored result. */
    public static ResultQuery all() {
        return new ResultQuery(null, null, null);
    }

    /** Returns a query for the results linked to one experiment. */
    public static ResultQuery experiment(String experimentId) {
        return new ResultQuery(experimentId, null, null);
    }
}
