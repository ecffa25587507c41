package dev.descent.registry.store;

/**
 * Filters for stored results; a {@code null} filter matches everything.
 *
 * @param experimentId only results that the experiment ran or reuses through a result link
 * @param dataset only results whose config names this dataset
 * @param pretext only results whose config names this pretext task
 * @param encoder only results whose config names this encoder
 * @param trainingImages only results whose training budget, epochs x pretrainImages, equals this
 * @param withBaselines also every baseline result of the same experiment and dataset, whatever the pretext filter,
 *        whose encoder is the filter's or none and whose budget is the filter's or none, so that a filtered view
 *        keeps the baselines that its rows compare against
 */
public record ResultQuery(
        String experimentId,
        String dataset,
        String pretext,
        String encoder,
        Long trainingImages,
        boolean withBaselines) {

    /** Creates a query on the experiment, dataset and pretext task only, without extra baselines. */
    public ResultQuery(String experimentId, String dataset, String pretext) {
        this(experimentId, dataset, pretext, null, null, false);
    }

    /** Returns a query that matches every stored result. */
    public static ResultQuery all() {
        return new ResultQuery(null, null, null);
    }

    /** Returns a query for the results that one experiment ran or reuses. */
    public static ResultQuery experiment(String experimentId) {
        return new ResultQuery(experimentId, null, null);
    }
}
