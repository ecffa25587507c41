package dev.descent.registry.rank;

/**
 * The filters a leaderboard was computed with; {@code null} means not filtered.
 *
 * @param experiment only results that this experiment ran or reuses through a result link
 * @param dataset only results on this dataset
 * @param pretext only results of this pretext task
 * @param encoder only results of this encoder
 * @param budget only results whose training images, epochs x pretrainImages, equal this
 */
public record LeaderboardFilters(String experiment, String dataset, String pretext, String encoder, Long budget) {

    /** Creates filters on the experiment, dataset and pretext task only. */
    public LeaderboardFilters(String experiment, String dataset, String pretext) {
        this(experiment, dataset, pretext, null, null);
    }

    /** Returns filters that match every result. */
    public static LeaderboardFilters none() {
        return new LeaderboardFilters(null, null, null, null, null);
    }
}
