package dev.descent.registry.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

import dev.descent.registry.store.Configuration;
import dev.descent.registry.store.ResultScore;

/** Ranks configurations across pretext tasks by their mean rank within (dataset, pretext task, seed) blocks. */
final class MeanRanks {

    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    private MeanRanks() {
    }

    /** Returns one row per configuration without pretext task that was ranked in at least one block, best first. */
    static List<MeanRankRow> compute(List<ResultScore> scores) {
        Map<List<Object>, Map<Configuration, Double>> blocks = new LinkedHashMap<>();
        for (ResultScore score : scores) {
            Configuration configuration = score.configuration();
            List<Object> block = List.of(configuration.dataset(), configuration.pretext(), score.seed());
            // A configuration has one result per seed, so a block holds at most one value per configuration.
            blocks.computeIfAbsent(block, key -> new LinkedHashMap<>())
                    .put(configuration.withoutPretext(), score.linearProbeAccuracy());
        }

        Map<Configuration, SummaryStatistics> ranks = new LinkedHashMap<>();
        Map<Configuration, SummaryStatistics> accuracies = new HashMap<>();
        Map<Configuration, Set<String>> pretextTasks = new HashMap<>();
        blocks.forEach((block, values) -> {
            if (values.size() < 2) {
                return;
            }
            List<Configuration> members = new ArrayList<>(values.keySet());
            double[] negated = members.stream().mapToDouble(member -> -values.get(member)).toArray();
            double[] blockRanks = RANKING.rank(negated);
            for (int i = 0; i < members.size(); i++) {
                Configuration member = members.get(i);
                ranks.computeIfAbsent(member, key -> new SummaryStatistics()).addValue(blockRanks[i]);
                accuracies.computeIfAbsent(member, key -> new SummaryStatistics()).addValue(values.get(member));
                pretextTasks.computeIfAbsent(member, key -> new HashSet<>()).add((String) block.get(1));
            }
        });

        Map<Configuration, String> labels = ConfigurationLabels.of(ranks.keySet());
        List<Configuration> order = new ArrayList<>(ranks.keySet());
        order.sort(Comparator.<Configuration>comparingDouble(member -> ranks.get(member).getMean())
                .thenComparing(labels::get)
                .thenComparing(Configuration::id));
        List<MeanRankRow> rows = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < order.size(); i++) {
            Configuration member = order.get(i);
            SummaryStatistics statistics = ranks.get(member);
            if (i == 0 || statistics.getMean() != ranks.get(order.get(i - 1)).getMean()) {
                rank = i + 1;
            }
            ConfidenceInterval interval = statistics.getN() < 2 ? null : ConfidenceInterval.around(
                    statistics.getMean(), statistics.getStandardDeviation() / Math.sqrt(statistics.getN()),
                    statistics.getN() - 1);
            // A rank lies between 1 and the number of configurations, so the t interval is cut to that range, as
            // accuracy intervals are cut to [0, 1].
            if (interval != null) {
                interval = new ConfidenceInterval(Math.max(1, interval.low()), Math.min(order.size(), interval.high()));
            }
            rows.add(new MeanRankRow(rank, member.id(), labels.get(member), member.loss(), member.dataset(),
                    member.encoder(), member.training(), member.probe(), member.trainingImages(),
                    (int) statistics.getN(), pretextTasks.get(member).size(), statistics.getMean(),
                    interval == null ? null : interval.low(), interval == null ? null : interval.high(),
                    accuracies.get(member).getMean()));
        }
        return rows;
    }
}
