package dev.descent.registry.rank;

import java.util.List;

/**
 * Loss functions ranked by mean linear-probe accuracy, over all pretext tasks pooled and per pretext task, next to
 * the baselines of the same results.
 *
 * @param metric the ranking metric, always {@value #METRIC}
 * @param filters the filters the results were selected with
 * @param resultCount the number of pretext-trial results that the rankings summarise; baseline results are counted in
 *        the baselines' {@code n}
 * @param overall every matching result, pooled over pretext tasks, grouped by loss
 * @param byPretext one ranking per pretext task, sorted by pretext name
 * @param baselines one row per baseline with results, in the order raw pixels, random encoder, supervised; the
 *        pretext filter does not apply to them
 */
public record Leaderboard(
        String metric,
        LeaderboardFilters filters,
        int resultCount,
        List<LeaderboardRow> overall,
        List<PretextLeaderboard> byPretext,
        List<BaselineRow> baselines) {

    /** The TrialResult field that the leaderboard ranks by. */
    public static final String METRIC = "linearProbeAccuracy";
}
