package dev.descent.registry.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * A row's linear-probe accuracy compared with the leader of its table, by a two-sided t-test.
 *
 * <p>When both rows have results for at least 2 common keys (seeds, or pretext tasks and seeds in a pooled table)
 * the test is paired on those keys, with {@link TTest#pairedTTest(double[], double[])}. Otherwise, when each row
 * has at least 2 results, it is Welch's unequal-variance test on all of them, with {@link TTest#tTest(double[],
 * double[])}. With constant differences (paired) or two constant samples (Welch) the t statistic is undefined, and
 * the p-value is taken as 1 when the difference is 0 and as 0 otherwise, which is the limit of the test.
 *
 * @param method {@value #PAIRED} or {@value #WELCH}
 * @param matchedSeeds the number of keys both rows have results for; the paired test uses only these
 * @param difference the row's mean minus the leader's mean: over the matched keys when paired, else over all
 *        results; at most 0 in a table ranked by mean unless paired
 * @param ciLow the lower bound of the 95% Student-t interval of the difference
 * @param ciHigh the upper bound of that interval
 * @param pValue the two-sided p-value of the hypothesis that the difference is 0
 */
public record LeaderComparison(
        String method,
        int matchedSeeds,
        double difference,
        double ciLow,
        double ciHigh,
        double pValue) {

    /** Paired t-test on matching keys. */
    public static final String PAIRED = "paired";

    /** Welch's t-test on all results of both rows. */
    public static final String WELCH = "welch";

    /** The significance level below which a row is not tied with the leader. */
    public static final double ALPHA = 0.05;

    /**
     * Compares a row with the leader.
     *
     * @param row the row's accuracy per key; one value per key
     * @param leader the leader's accuracy per key
     * @return the comparison, or {@code null} when fewer than 2 keys match and either row has fewer than 2 results
     */
    public static <K> LeaderComparison of(Map<K, Double> row, Map<K, Double> leader) {
        List<Double> rowMatched = new ArrayList<>();
        List<Double> leaderMatched = new ArrayList<>();
        row.forEach((key, value) -> {
            Double other = leader.get(key);
            if (other != null) {
                rowMatched.add(value);
                leaderMatched.add(other);
            }
        });
        if (rowMatched.size() >= 2) {
            return paired(rowMatched, leaderMatched);
        }
        if (row.size() >= 2 && leader.size() >= 2) {
            return welch(new ArrayList<>(row.values()), new ArrayList<>(leader.values()), rowMatched.size());
        }
        return null;
    }

    /** Returns whether p >= {@value #ALPHA}, so the test does not separate the row from the leader. */
    public boolean tied() {
        return pValue >= ALPHA;
    }

    private static LeaderComparison paired(List<Double> row, List<Double> leader) {
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            differences.add(row.get(i) - leader.get(i));
        }
        SummaryStatistics statistics = summary(differences);
        ConfidenceInterval interval = ConfidenceInterval.ofMean(differences);
        double p = statistics.getVariance() == 0
                ? degenerateP(statistics.getMean())
                : new TTest().pairedTTest(toArray(row), toArray(leader));
        return new LeaderComparison(PAIRED, row.size(), statistics.getMean(), interval.low(), interval.high(), p);
    }

    private static LeaderComparison welch(List<Double> row, List<Double> leader, int matched) {
        GainEstimate estimate = GainEstimate.welch(row, leader);
        boolean constant = summary(row).getVariance() == 0 && summary(leader).getVariance() == 0;
        double p = constant ? degenerateP(estimate.gain()) : new TTest().tTest(toArray(row), toArray(leader));
        return new LeaderComparison(WELCH, matched, estimate.gain(), estimate.ciLow(), estimate.ciHigh(), p);
    }

    private static double degenerateP(double difference) {
        return difference == 0 ? 1 : 0;
    }

    private static SummaryStatistics summary(List<Double> values) {
        SummaryStatistics statistics = new SummaryStatistics();
        values.forEach(statistics::addValue);
        return statistics;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
