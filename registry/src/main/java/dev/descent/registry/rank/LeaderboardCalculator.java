package dev.descent.registry.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.descent.model.trial.Baseline;
import dev.descent.registry.store.StoredResult;

/** Computes leaderboards from stored results with Apache Commons Math statistics. */
@ApplicationScoped
public class LeaderboardCalculator {

    private static final Comparator<LeaderboardRow> BEST_FIRST = Comparator
            .comparingDouble(LeaderboardRow::mean).reversed()
            .thenComparing(LeaderboardRow::loss);

    /**
     * Ranks the loss functions of the given results, pooled and per pretext task, and summarises the baseline
     * results among them. Every loss row's gain is measured against the {@code random-encoder} results given here.
     */
    public Leaderboard compute(List<StoredResult> results, LeaderboardFilters filters) {
        List<StoredResult> pretextResults = new ArrayList<>();
        Map<Baseline, List<StoredResult>> baselineResults = new TreeMap<>();
        for (StoredResult result : results) {
            Baseline.of(result.config()).ifPresentOrElse(
                    baseline -> baselineResults.computeIfAbsent(baseline, key -> new ArrayList<>()).add(result),
                    () -> pretextResults.add(result));
        }
        List<StoredResult> random = baselineResults.getOrDefault(Baseline.RANDOM_ENCODER, List.of());

        Map<String, List<StoredResult>> byPretext = new TreeMap<>();
        for (StoredResult result : pretextResults) {
            byPretext.computeIfAbsent(result.config().pretext(), pretext -> new ArrayList<>()).add(result);
        }
        List<PretextLeaderboard> pretextBoards = new ArrayList<>();
        byPretext.forEach((pretext, group) -> pretextBoards.add(new PretextLeaderboard(pretext, rank(group, random))));

        List<BaselineRow> baselines = new ArrayList<>();
        baselineResults.forEach((baseline, group) -> baselines.add(summariseBaseline(baseline, group)));
        return new Leaderboard(Leaderboard.METRIC, filters, pretextResults.size(), rank(pretextResults, random),
                pretextBoards, baselines);
    }

    /** Groups the results by loss and returns one row per loss, best first. */
    static List<LeaderboardRow> rank(List<StoredResult> results, List<StoredResult> random) {
        Map<String, List<StoredResult>> byLoss = new TreeMap<>();
        for (StoredResult result : results) {
            byLoss.computeIfAbsent(result.config().loss(), loss -> new ArrayList<>()).add(result);
        }
        List<LeaderboardRow> unranked = new ArrayList<>();
        byLoss.forEach((loss, group) -> unranked.add(summarise(loss, group, random)));
        unranked.sort(BEST_FIRST);

        // Standard competition ranking: a loss whose mean equals the previous loss's mean shares its rank.
        List<LeaderboardRow> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            LeaderboardRow row = unranked.get(i);
            boolean tied = i > 0 && row.mean() == unranked.get(i - 1).mean();
            int rank = tied ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(row.withRank(rank));
        }
        return ranked;
    }

    /** Returns the statistics of one loss's results, with rank 0 until {@link #rank} assigns one. */
    private static LeaderboardRow summarise(String loss, List<StoredResult> group, List<StoredResult> random) {
        DescriptiveStatistics linear = statistics(group, StoredResult::linearProbeAccuracy);
        DescriptiveStatistics knn = statistics(group, StoredResult::knnAccuracy);
        DescriptiveStatistics baseline = statistics(group, StoredResult::randomEncoderLinearProbeAccuracy);
        DescriptiveStatistics baselineKnn = statistics(group, StoredResult::randomEncoderKnnAccuracy);
        ConfidenceInterval interval = ConfidenceInterval.ofAccuracy(values(linear));
        GainEstimate gain = GainEstimate.of(bySeed(group), bySeed(random));
        return new LeaderboardRow(
                0,
                loss,
                group.size(),
                linear.getMean(),
                sampleStandardDeviation(linear),
                linear.getMin(),
                linear.getMax(),
                knn.getMean(),
                sampleStandardDeviation(knn),
                baseline.getMean(),
                linear.getMean() - baseline.getMean(),
                baselineKnn.getMean(),
                knn.getMean() - baselineKnn.getMean(),
                interval == null ? null : interval.low(),
                interval == null ? null : interval.high(),
                gain == null ? null : gain.gain(),
                gain == null ? null : gain.ciLow(),
                gain == null ? null : gain.ciHigh(),
                gain == null ? null : gain.method(),
                gain == null ? null : gain.beatsBaseline());
    }

    private static BaselineRow summariseBaseline(Baseline baseline, List<StoredResult> group) {
        DescriptiveStatistics linear = statistics(group, StoredResult::linearProbeAccuracy);
        DescriptiveStatistics knn = statistics(group, StoredResult::knnAccuracy);
        ConfidenceInterval interval = ConfidenceInterval.ofAccuracy(values(linear));
        return new BaselineRow(baseline.id(), group.size(), linear.getMean(), sampleStandardDeviation(linear),
                interval == null ? null : interval.low(), interval == null ? null : interval.high(), knn.getMean(),
                sampleStandardDeviation(knn));
    }

    private static Map<Long, List<Double>> bySeed(List<StoredResult> results) {
        Map<Long, List<Double>> values = new TreeMap<>();
        for (StoredResult result : results) {
            values.computeIfAbsent(result.config().seed(), seed -> new ArrayList<>()).add(result.linearProbeAccuracy());
        }
        return values;
    }

    private static List<Double> values(DescriptiveStatistics statistics) {
        List<Double> values = new ArrayList<>();
        for (double value : statistics.getValues()) {
            values.add(value);
        }
        return values;
    }

    private static DescriptiveStatistics statistics(List<StoredResult> group, ToDoubleFunction<StoredResult> metric) {
        DescriptiveStatistics statistics = new DescriptiveStatistics();
        group.forEach(result -> statistics.addValue(metric.applyAsDouble(result)));
        return statistics;
    }

    /** Returns the standard deviation with divisor n - 1, or {@code null} for a single value, where it is undefined. */
    private static Double sampleStandardDeviation(DescriptiveStatistics statistics) {
        return statistics.getN() < 2 ? null : statistics.getStandardDeviation();
    }
}
