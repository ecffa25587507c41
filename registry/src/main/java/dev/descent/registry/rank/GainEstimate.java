package dev.descent.registry.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The difference between a loss row's mean accuracy and a baseline's, with a 95% confidence interval.
 *
 * <p>When both sides cover the same seeds, at least 2 of them, the estimate is paired: the values of each side are
 * averaged per seed, the per-seed differences are taken, and the interval is Student's t interval of their mean. A
 * loss row pooled over pretext tasks is paired this way too, on its per-seed means. Otherwise the estimate is Welch's:
 * the difference of the two means with the Welch-Satterthwaite degrees of freedom.
 *
 * @param gain the loss's mean minus the baseline's mean; for a paired estimate, the mean per-seed difference
 * @param ciLow the interval's lower bound, or {@code null} when it is undefined (fewer than 2 values on a side)
 * @param ciHigh the interval's upper bound, or {@code null} when it is undefined
 * @param method {@value #PAIRED} or {@value #WELCH}
 */
public record GainEstimate(double gain, Double ciLow, Double ciHigh, String method) {

    /** Per-seed differences, when both sides cover the same seeds. */
    public static final String PAIRED = "paired";

    /** Welch's unequal-variance comparison of two independent means. */
    public static final String WELCH = "welch";

    /**
     * Estimates the gain of a loss over a baseline.
     *
     * @param loss the loss row's accuracies by seed; a seed may have several values
     * @param baseline the baseline's accuracies by seed
     * @return the estimate, or {@code null} when either side is empty
     */
    public static GainEstimate of(Map<Long, List<Double>> loss, Map<Long, List<Double>> baseline) {
        if (loss.isEmpty() || baseline.isEmpty()) {
            return null;
        }
        if (loss.keySet().equals(baseline.keySet()) && loss.size() >= 2) {
            return paired(seedMeans(loss), seedMeans(baseline));
        }
        return welch(flatten(loss), flatten(baseline));
    }

    /** Returns whether the interval lies above 0 ({@code true}), below 0 ({@code false}), or neither ({@code null}). */
    public Boolean beatsBaseline() {
        if (ciLow == null || ciHigh == null) {
            return null;
        }
        if (ciLow > 0) {
            return true;
        }
        return ciHigh < 0 ? false : null;
    }

    static GainEstimate paired(Map<Long, Double> loss, Map<Long, Double> baseline) {
        List<Double> differences = new ArrayList<>();
        loss.forEach((seed, value) -> differences.add(value - baseline.get(seed)));
        SummaryStatistics statistics = new SummaryStatistics();
        differences.forEach(statistics::addValue);
        ConfidenceInterval interval = ConfidenceInterval.ofMean(differences);
        return new GainEstimate(statistics.getMean(), interval.low(), interval.high(), PAIRED);
    }

    static GainEstimate welch(List<Double> loss, List<Double> baseline) {
        SummaryStatistics a = summary(loss);
        SummaryStatistics b = summary(baseline);
        double gain = a.getMean() - b.getMean();
        if (a.getN() < 2 || b.getN() < 2) {
            return new GainEstimate(gain, null, null, WELCH);
        }
        double termA = a.getVariance() / a.getN();
        double termB = b.getVariance() / b.getN();
        double standardError = Math.sqrt(termA + termB);
        double degreesOfFreedom = (termA + termB) * (termA + termB)
                / (termA * termA / (a.getN() - 1) + termB * termB / (b.getN() - 1));
        ConfidenceInterval interval = ConfidenceInterval.around(gain, standardError, degreesOfFreedom);
        return new GainEstimate(gain, interval.low(), interval.high(), WELCH);
    }

    private static Map<Long, Double> seedMeans(Map<Long, List<Double>> values) {
        Map<Long, Double> means = new TreeMap<>();
        values.forEach((seed, list) -> means.put(seed, list.stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow()));
        return means;
    }

    private static List<Double> flatten(Map<Long, List<Double>> values) {
        List<Double> flat = new ArrayList<>();
        values.values().forEach(flat::addAll);
        return flat;
    }

    private static SummaryStatistics summary(List<Double> values) {
        SummaryStatistics statistics = new SummaryStatistics();
        values.forEach(statistics::addValue);
        return statistics;
    }
}
