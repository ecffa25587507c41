package dev.descent.registry.rank;

/**
 * One loss function's standing: statistics over its stored results, one result per trial (usually one per seed).
 *
 * <p>Standard deviations are sample standard deviations (divisor n - 1) and are {@code null} when n is 1. Intervals are
 * two-sided 95% Student-t intervals; see {@link ConfidenceInterval} and {@link GainEstimate}.
 *
 * @param rank 1 for the highest mean linear-probe accuracy; losses with equal means share a rank and the next rank
 *        skips accordingly (1, 1, 3)
 * @param loss the loss function's name
 * @param n the number of results
 * @param mean the mean linear-probe accuracy
 * @param std the standard deviation of the linear-probe accuracy
 * @param min the lowest linear-probe accuracy
 * @param max the highest linear-probe accuracy
 * @param knnMean the mean kNN accuracy
 * @param knnStd the standard deviation of the kNN accuracy
 * @param baselineMean the mean linear-probe accuracy of the untrained encoders of the same results
 * @param gain {@code mean - baselineMean}: what pretext training added over an untrained encoder
 * @param baselineKnnMean the mean kNN accuracy of the untrained encoders
 * @param knnGain {@code knnMean - baselineKnnMean}
 * @param ciLow the lower bound of the interval of {@code mean}, or {@code null} when n is 1
 * @param ciHigh the upper bound of the interval of {@code mean}, or {@code null} when n is 1
 * @param gainOverRandom the linear-probe gain over the {@code random-encoder} baseline rows of the same view, or
 *        {@code null} when the view has no such results
 * @param gainCiLow the lower bound of the gain's interval, or {@code null} when undefined
 * @param gainCiHigh the upper bound of the gain's interval, or {@code null} when undefined
 * @param gainMethod {@code paired} (per-seed differences) or {@code welch}, or {@code null} without a gain
 * @param beatsRandom {@code true} when the gain's interval lies above 0, {@code false} when it lies below 0, and
 *        {@code null} when it contains 0 or is undefined
 */
public record LeaderboardRow(
        int rank,
        String loss,
        int n,
        double mean,
        Double std,
        double min,
        double max,
        double knnMean,
        Double knnStd,
        double baselineMean,
        double gain,
        double baselineKnnMean,
        double knnGain,
        Double ciLow,
        Double ciHigh,
        Double gainOverRandom,
        Double gainCiLow,
        Double gainCiHigh,
        String gainMethod,
        Boolean beatsRandom) {

    /** Returns a copy of this row with the given rank. */
    public LeaderboardRow withRank(int newRank) {
        return new LeaderboardRow(newRank, loss, n, mean, std, min, max, knnMean, knnStd, baselineMean, gain,
                baselineKnnMean, knnGain, ciLow, ciHigh, gainOverRandom, gainCiLow, gainCiHigh, gainMethod,
                beatsRandom);
    }
}
