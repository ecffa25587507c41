package dev.descent.registry.rank;

import java.util.List;

/**
 * The ranking of configurations within one pretext task on one dataset.
 *
 * @param pretext the pretext task's name
 * @param dataset the dataset name
 * @param rows the configurations, best first; the first row is the table's leader
 */
public record PretextLeaderboard(String pretext, String dataset, List<LeaderboardRow> rows) {
}
