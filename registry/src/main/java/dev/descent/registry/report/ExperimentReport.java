package dev.descent.registry.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.registry.rank.Leaderboard;
import dev.descent.registry.rank.MeanRankRow;
import dev.descent.registry.store.LinkCounts;

/**
 * An experiment's findings: its leaderboard over the trials it ran and those it reuses, the winners, and the search
 * decisions that the orchestrator recorded.
 *
 * @param experimentId the experiment
 * @param generatedAt when the registry built this report
 * @param counts how many trials have results, and how many of those the experiment reuses through result links
 * @param winnersByPretext the leader of each pretext task's table, in the leaderboard's order
 * @param overallWinner the leader of the table pooled over pretext tasks, or {@code null} without results
 * @param overallByMeanRank the configuration with the best mean rank across pretext tasks, or {@code null} when no
 *        block has two configurations
 * @param leaderboard the experiment's leaderboard
 * @param decisions the orchestrator's {@code /api/experiments/{id}/decisions} object unchanged, or {@code null}
 * @param decisionsError why {@code decisions} is {@code null}, or {@code null} when it was fetched
 * @param labelFractions the probe and kNN on each label fraction of every trial that has them; empty when no trial
 *        set {@code probe.label-fractions}. The leaderboard ranks on the figures on all train images.
 * @param evaluations the figures of the workers' evaluator plug-ins, for every trial that has them. The list is empty
 *        when no worker that ran the trials had an evaluator plug-in. The leaderboard ranks on the linear probe.
 */
public record ExperimentReport(
        String experimentId,
        Instant generatedAt,
        LinkCounts counts,
        List<Winner> winnersByPretext,
        Winner overallWinner,
        MeanRankRow overallByMeanRank,
        Leaderboard leaderboard,
        JsonNode decisions,
        String decisionsError,
        List<LabelFractionRow> labelFractions,
        List<EvaluatorRow> evaluations) {
}
