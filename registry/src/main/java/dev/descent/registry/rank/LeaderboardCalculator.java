package dev.descent.registry.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.descent.model.trial.Baseline;
import dev.descent.registry.store.Configuration;
import dev.descent.registry.store.ResultScore;

/** Computes leaderboards from stored results with Apache Commons Math statistics. */
@ApplicationScoped
public class LeaderboardCalculator {

    /**
     * Ranks the configurations of the given results per pretext task and dataset, pooled over pretext tasks and by
     * mean rank, and summarises the baseline results among them. Every row's gain is measured against the
     * {@code random-encoder} results given here with the row's dataset, encoder and probe.
     */
    public Leaderboard compute(List<ResultScore> scores, LeaderboardFilters filters) {
        List<ResultScore> pretextScores = new ArrayList<>();
        Map<Baseline, List<ResultScore>> baselineScores = new TreeMap<>();
        for (ResultScore score : scores) {
            baselineOf(score.configuration()).ifPresentOrElse(
                    baseline -> baselineScores.computeIfAbsent(baseline, key -> new ArrayList<>()).add(score),
                    () -> pretextScores.add(score));
        }
        List<ResultScore> random = baselineScores.getOrDefault(Baseline.RANDOM_ENCODER, List.of());

        Map<List<String>, List<ResultScore>> tables = new TreeMap<>(
                Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
        for (ResultScore score : pretextScores) {
            List<String> key = List.of(score.configuration().pretext(), score.configuration().dataset());
            tables.computeIfAbsent(key, k -> new ArrayList<>()).add(score);
        }
        List<PretextLeaderboard> pretextBoards = new ArrayList<>();
        tables.forEach((key, group) -> pretextBoards.add(new PretextLeaderboard(key.get(0), key.get(1),
                TableRanker.rank(group, Function.identity(), ResultScore::seed, random))));

        List<LeaderboardRow> overall = TableRanker.rank(pretextScores, Configuration::withoutPretext,
                score -> List.of(score.configuration().dataset(), score.configuration().pretext(), score.seed()),
                random);

        List<BaselineRow> baselines = new ArrayList<>();
        baselineScores.forEach((baseline, group) -> baselines.add(summariseBaseline(baseline, group)));
        return new Leaderboard(Leaderboard.METRIC, filters, pretextScores.size(), overall, pretextBoards,
                MeanRanks.compute(pretextScores), baselines);
    }

    private static Optional<Baseline> baselineOf(Configuration configuration) {
        return Baseline.PRETEXT.equals(configuration.pretext()) ? Baseline.byId(configuration.loss())
                : Optional.empty();
    }

    private static BaselineRow summariseBaseline(Baseline baseline, List<ResultScore> group) {
        DescriptiveStatistics linear = TableRanker.statistics(group, ResultScore::linearProbeAccuracy);
        DescriptiveStatistics knn = TableRanker.statistics(group, ResultScore::knnAccuracy);
        ConfidenceInterval interval = ConfidenceInterval.ofAccuracy(TableRanker.values(linear));
        return new BaselineRow(baseline.id(), group.size(), linear.getMean(),
                TableRanker.sampleStandardDeviation(linear), interval == null ? null : interval.low(),
                interval == null ? null : interval.high(), knn.getMean(), TableRanker.sampleStandardDeviation(knn));
    }
}
