package dev.descent.registry.rank;

import java.util.List;

/**
 * Loss functions ranked by mean linear-probe accuracy, over all pretext tasks pooled and per pretext task.
 *
 * @param metric the ranking metric, always {@value #METRIC}
 * @param filters the filters the results were selected with
 * @param resultCount the number of results that the rankings summarise
 * @param overall every matching result, pooled over pretext tasks, grouped by loss
 * @param byPretext one ranking per pretext task, sorted by pretext name
 */
public record Leaderboard(
        String metric,
        LeaderboardFilters filters,
        int resultCount,
        List<LeaderboardRow> overall,
        List<PretextLeaderboard> byPretext) {

    /** The TrialResult field that the leaderboard ranks by. */
    public static final String METRIC = "linearProbeAccuracy";
}
