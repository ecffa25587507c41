package dev.descent.registry.rank;

/**
 * The filters a leaderboard was computed with; {@code null} means not filtered.
 *
 * @param experiment only results linked to this experiment id
 * @param dataset only results on this dataset
 * @param pretext only results of this pretext task
 */
public record LeaderboardFilters(String experiment, String dataset, String pretext) {
}
