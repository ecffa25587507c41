package dev.descent.registry.report;

import java.util.List;

import dev.descent.registry.rank.LeaderboardRow;

/**
 * The leader of one leaderboard table and the rows that the data cannot separate from it.
 *
 * @param pretext the table's pretext task, or {@code null} for the table pooled over pretext tasks
 * @param dataset the table's dataset, or {@code null} for the pooled table
 * @param configurationId the leader's configuration id
 * @param label the leader's label: the loss and the settings in which the table's rows differ
 * @param loss the leader's loss
 * @param n the leader's number of results
 * @param mean the leader's mean linear-probe accuracy
 * @param tiedWith the labels of the other rows marked {@code tiedWithLeader}, best first; a winner with tied rows is
 *        not shown to be better than them
 */
public record Winner(
        String pretext,
        String dataset,
        String configurationId,
        String label,
        String loss,
        int n,
        double mean,
        List<String> tiedWith) {

    /** Returns the winner of a table, or {@code null} for an empty table. */
    static Winner of(String pretext, String dataset, List<LeaderboardRow> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        LeaderboardRow leader = rows.get(0);
        List<String> tied = rows.stream().skip(1).filter(LeaderboardRow::tiedWithLeader).map(LeaderboardRow::label)
                .toList();
        return new Winner(pretext, dataset, leader.configurationId(), leader.label(), leader.loss(), leader.n(),
                leader.mean(), tied);
    }
}
