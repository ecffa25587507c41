package dev.descent.registry.rank;

/**
 * One baseline's standing over its stored results, with the same statistics as a loss row.
 *
 * @param baseline the baseline's name: {@code raw-pixels}, {@code random-encoder} or {@code supervised}
 * @param n the number of results, usually one per seed
 * @param mean the mean linear-probe accuracy
 * @param std the sample standard deviation of the linear-probe accuracy, or {@code null} when n is 1
 * @param ciLow the lower bound of the 95% Student-t interval of the mean, or {@code null} when n is 1
 * @param ciHigh the upper bound of that interval, or {@code null} when n is 1
 * @param knnMean the mean kNN accuracy
 * @param knnStd the sample standard deviation of the kNN accuracy, or {@code null} when n is 1
 */
public record BaselineRow(
        String baseline,
        int n,
        double mean,
        Double std,
        Double ciLow,
        Double ciHigh,
        double knnMean,
        Double knnStd) {
}
