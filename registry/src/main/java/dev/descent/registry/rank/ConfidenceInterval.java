package dev.descent.registry.rank;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A two-sided 95% confidence interval from Student's t distribution.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record ConfidenceInterval(double low, double high) {

    /** The two-sided coverage of every interval on the leaderboard. */
    public static final double LEVEL = 0.95;

    /**
     * Returns the interval {@code mean ± t(0.975, n - 1) * s / sqrt(n)} for the mean of independent values, with
     * {@code s} the sample standard deviation; {@code null} when there are fewer than 2 values.
     */
    public static ConfidenceInterval ofMean(List<Double> values) {
        if (values.size() < 2) {
            return null;
        }
        SummaryStatistics statistics = new SummaryStatistics();
        values.forEach(statistics::addValue);
        double standardError = statistics.getStandardDeviation() / Math.sqrt(values.size());
        return around(statistics.getMean(), standardError, values.size() - 1);
    }

    /**
     * Returns {@link #ofMean} cut to [0, 1], the range of an accuracy. With two or three seeds the t interval is wide
     * and can pass 1, which no accuracy can reach; {@code null} when there are fewer than 2 values.
     */
    public static ConfidenceInterval ofAccuracy(List<Double> values) {
        ConfidenceInterval interval = ofMean(values);
        if (interval == null) {
            return null;
        }
        return new ConfidenceInterval(Math.max(0, interval.low()), Math.min(1, interval.high()));
    }

    /**
     * Returns {@code centre ± t(0.975, degreesOfFreedom) * standardError}; a zero standard error gives the point
     * interval {@code [centre, centre]}.
     */
    static ConfidenceInterval around(double centre, double standardError, double degreesOfFreedom) {
        if (standardError == 0) {
            return new ConfidenceInterval(centre, centre);
        }
        double t = criticalValue(degreesOfFreedom);
        return new ConfidenceInterval(centre - t * standardError, centre + t * standardError);
    }

    /** Returns the t quantile that leaves {@code (1 - LEVEL) / 2} in the upper tail. */
    static double criticalValue(double degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }
}
