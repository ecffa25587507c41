package dev.descent.registry.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import dev.descent.registry.store.Configuration;
import dev.descent.registry.store.ResultScore;

/** Builds one ranked table: a row per configuration, sorted by mean accuracy, each compared with the leader. */
final class TableRanker {

    private TableRanker() {
    }

    /**
     * Groups the scores by configuration and returns one row per group, best first.
     *
     * @param scores the table's results
     * @param grouping maps a result's configuration to its row's configuration, such as dropping the pretext task
     * @param pairingKey what pairs two rows' results in the comparison with the leader, such as the seed
     * @param random the {@code random-encoder} baseline results that gains are measured against
     */
    static <K> List<LeaderboardRow> rank(List<ResultScore> scores, Function<Configuration, Configuration> grouping,
            Function<ResultScore, K> pairingKey, List<ResultScore> random) {
        Map<Configuration, List<ResultScore>> groups = new LinkedHashMap<>();
        for (ResultScore score : scores) {
            groups.computeIfAbsent(grouping.apply(score.configuration()), key -> new ArrayList<>()).add(score);
        }
        Map<Configuration, String> labels = ConfigurationLabels.of(groups.keySet());
        List<Group<K>> sorted = new ArrayList<>();
        groups.forEach((configuration, group) -> sorted.add(new Group<>(configuration, labels.get(configuration),
                group, group.stream().mapToDouble(ResultScore::linearProbeAccuracy).average().orElseThrow(),
                keyMeans(group, pairingKey))));
        sorted.sort(Comparator.<Group<K>>comparingDouble(Group::mean).reversed()
                .thenComparing(Comparator.<Group<K>>comparingInt(group -> group.scores().size()).reversed())
                .thenComparing(Group::label)
                .thenComparing(group -> group.configuration().id()));

        // The random-encoder results by seed, once per (dataset, encoder, probe) rather than once per row.
        Map<List<Object>, Map<Long, List<Double>>> randomBySeed = new HashMap<>();
        List<LeaderboardRow> rows = new ArrayList<>();
        Group<K> leader = sorted.isEmpty() ? null : sorted.get(0);
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Group<K> group = sorted.get(i);
            // Standard competition ranking: a row whose mean equals the previous row's mean shares its rank.
            if (i == 0 || group.mean() != sorted.get(i - 1).mean()) {
                rank = i + 1;
            }
            LeaderComparison comparison = i == 0 ? null : LeaderComparison.of(group.keyMeans(), leader.keyMeans());
            boolean tied = i == 0 || comparison == null || comparison.tied();
            Configuration configuration = group.configuration();
            Map<Long, List<Double>> baseline = randomBySeed.computeIfAbsent(
                    Arrays.asList(configuration.dataset(), configuration.encoder(), configuration.probe()),
                    key -> bySeed(matching(random, configuration)));
            rows.add(summarise(rank, group, baseline, i == 0, tied, comparison));
        }
        return rows;
    }

    private static LeaderboardRow summarise(int rank, Group<?> group, Map<Long, List<Double>> random, boolean leader,
            boolean tied, LeaderComparison comparison) {
        List<ResultScore> scores = group.scores();
        DescriptiveStatistics linear = statistics(scores, ResultScore::linearProbeAccuracy);
        DescriptiveStatistics knn = statistics(scores, ResultScore::knnAccuracy);
        DescriptiveStatistics baseline = statistics(scores, ResultScore::randomEncoderLinearProbeAccuracy);
        DescriptiveStatistics baselineKnn = statistics(scores, ResultScore::randomEncoderKnnAccuracy);
        ConfidenceInterval interval = ConfidenceInterval.ofAccuracy(values(linear));
        GainEstimate gain = GainEstimate.of(bySeed(scores), random);
        Configuration configuration = group.configuration();
        return new LeaderboardRow(
                rank,
                configuration.loss(),
                scores.size(),
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
                gain == null ? null : gain.beatsBaseline(),
                configuration.id(),
                group.label(),
                configuration.dataset(),
                configuration.encoder(),
                configuration.pretext(),
                configuration.training(),
                configuration.probe(),
                configuration.trainingImages(),
                leader,
                tied,
                comparison);
    }

    /** Returns the random-encoder results of the same dataset, encoder and probe as the configuration. */
    private static List<ResultScore> matching(List<ResultScore> random, Configuration configuration) {
        return random.stream()
                .filter(score -> Objects.equals(score.configuration().dataset(), configuration.dataset()))
                .filter(score -> Objects.equals(score.configuration().encoder(), configuration.encoder()))
                .filter(score -> Objects.equals(score.configuration().probe(), configuration.probe()))
                .toList();
    }

    /** Returns the mean accuracy per pairing key; a key has one result unless grouping merged configurations. */
    private static <K> Map<K, Double> keyMeans(List<ResultScore> scores, Function<ResultScore, K> pairingKey) {
        // Most keys have one value, which is its own mean: only keys with several values get a statistics object.
        Map<K, Double> means = new HashMap<>();
        Map<K, DescriptiveStatistics> several = new HashMap<>();
        for (ResultScore score : scores) {
            K key = pairingKey.apply(score);
            Double previous = means.putIfAbsent(key, score.linearProbeAccuracy());
            if (previous != null) {
                several.computeIfAbsent(key, k -> {
                    DescriptiveStatistics statistics = new DescriptiveStatistics();
                    statistics.addValue(previous);
                    return statistics;
                }).addValue(score.linearProbeAccuracy());
            }
        }
        several.forEach((key, statistics) -> means.put(key, statistics.getMean()));
        return means;
    }

    static Map<Long, List<Double>> bySeed(List<ResultScore> scores) {
        Map<Long, List<Double>> values = new TreeMap<>();
        for (ResultScore score : scores) {
            values.computeIfAbsent(score.seed(), seed -> new ArrayList<>()).add(score.linearProbeAccuracy());
        }
        return values;
    }

    static List<Double> values(DescriptiveStatistics statistics) {
        List<Double> values = new ArrayList<>();
        for (double value : statistics.getValues()) {
            values.add(value);
        }
        return values;
    }

    static DescriptiveStatistics statistics(List<ResultScore> scores, ToDoubleFunction<ResultScore> metric) {
        DescriptiveStatistics statistics = new DescriptiveStatistics();
        scores.forEach(score -> statistics.addValue(metric.applyAsDouble(score)));
        return statistics;
    }

    /** Returns the standard deviation with divisor n - 1, or {@code null} for a single value, where it is undefined. */
    static Double sampleStandardDeviation(DescriptiveStatistics statistics) {
        return statistics.getN() < 2 ? null : statistics.getStandardDeviation();
    }

    /** One row's results before ranking, with their mean accuracy and the mean accuracy per pairing key. */
    private record Group<K>(Configuration configuration, String label, List<ResultScore> scores, double mean,
            Map<K, Double> keyMeans) {
    }
}
