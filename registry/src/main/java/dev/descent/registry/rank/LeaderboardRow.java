package dev.descent.registry.rank;

/**
 * One loss function's standing: statistics over its stored results, one result per trial (usually one per seed).
 *
 * <p>Standard deviations are sample standard deviations (divisor n - 1) and are {@code null} when n is 1.
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
        double knnGain) {

    /** Returns a copy of this row with the given rank. */
    public LeaderboardRow withRank(int newRank) {
        return new LeaderboardRow(newRank, loss, n, mean, std, min, max, knnMean, knnStd, baselineMean, gain,
                baselineKnnMean, knnGain);
    }
}
