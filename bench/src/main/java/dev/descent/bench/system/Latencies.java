package dev.descent.bench.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Collects durations in milliseconds and summarises them with Commons Math percentiles. Not thread-safe. */
public final class Latencies {

    private final DescriptiveStatistics stats = new DescriptiveStatistics();
    private final List<Double> values = new ArrayList<>();

    /** Adds one duration. */
    public void add(double millis) {
        stats.addValue(millis);
        values.add(millis);
    }

    public long count() {
        return stats.getN();
    }

    /** Returns the given percentile (0-100], or NaN when nothing was added. */
    public double percentile(double p) {
        return stats.getN() == 0 ? Double.NaN : stats.getPercentile(p);
    }

    /** Returns n, mean, min, p50, p90, p99 and max, for the JSON report. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", stats.getN());
        summary.put("mean_ms", round(stats.getMean()));
        summary.put("min_ms", round(stats.getMin()));
        summary.put("p50_ms", round(percentile(50)));
        summary.put("p90_ms", round(percentile(90)));
        summary.put("p99_ms", round(percentile(99)));
        summary.put("max_ms", round(stats.getMax()));
        return summary;
    }

    /** Returns the given percentile (0-100] of the first {@code count} durations added, or NaN when none were. */
    public double percentileOfFirst(int count, double p) {
        DescriptiveStatistics first = new DescriptiveStatistics();
        values.stream().limit(count).forEach(first::addValue);
        return first.getN() == 0 ? Double.NaN : first.getPercentile(p);
    }

    /**
     * Returns the {@code count} slowest durations with their position in the order added (0 for the first), slowest
     * first, so that a report shows whether the tail came early, as from a cold JIT, or spread over the series.
     */
    public List<Map<String, Object>> slowest(int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> values.get(i)).reversed());
        List<Map<String, Object>> slowest = new ArrayList<>();
        for (int i : order.subList(0, Math.min(count, order.size()))) {
            slowest.add(Map.of("index", i, "ms", round(values.get(i))));
        }
        return slowest;
    }

    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : value;
    }
}
