package dev.descent.registry.rank;

import java.util.List;

/**
 * Configurations ranked by mean linear-probe accuracy, per pretext task and pooled over pretext tasks, their mean
 * ranks across pretext tasks, and the baselines of the same results.
 *
 * @param metric the ranking metric, always {@value #METRIC}
 * @param filters the filters the results were selected with
 * @param resultCount the number of pretext-trial results that the rankings summarise; baseline results are counted in
 *        the baselines' {@code n}
 * @param overall every matching result, pooled over pretext tasks, one row per configuration without pretext task;
 *        rows are compared with the leader on matching (pretext task, seed) pairs
 * @param byPretext one ranking per pretext task and dataset, sorted by pretext name, then dataset
 * @param meanRanks the configurations without pretext task ranked by their mean rank within (dataset, pretext task,
 *        seed) blocks, best first
 * @param baselines one row per baseline with results, in the order raw pixels, random encoder, supervised; the
 *        pretext filter does not apply to them
 */
public record Leaderboard(
        String metric,
        LeaderboardFilters filters,
        int resultCount,
        List<LeaderboardRow> overall,
        List<PretextLeaderboard> byPretext,
        List<MeanRankRow> meanRanks,
        List<BaselineRow> baselines) {

    /** The TrialResult field that the leaderboard ranks by. */
    public static final String METRIC = "linearProbeAccuracy";
}
