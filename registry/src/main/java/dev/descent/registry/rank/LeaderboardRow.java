package dev.descent.registry.rank;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;

/**
 * One configuration's standing: statistics over its stored results, one result per seed. A configuration is a trial
 * config without its seed, so the same loss at another training budget, encoder or probe is another row.
 *
 * <p>Standard deviations are sample standard deviations (divisor n - 1) and are {@code null} when n is 1. Intervals are
 * two-sided 95% Student-t intervals; see {@link ConfidenceInterval}, {@link GainEstimate} and {@link LeaderComparison}.
 *
 * @param rank 1 for the highest mean linear-probe accuracy; rows with equal means share a rank and the next rank
 *        skips accordingly (1, 1, 3)
 * @param loss the loss function's canonical string, such as {@code l2} or {@code huber(delta=0.1)}
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
 * @param ciLow the lower bound of the interval of {@code mean}, cut to [0, 1], or {@code null} when n is 1
 * @param ciHigh the upper bound of the interval of {@code mean}, or {@code null} when n is 1
 * @param gainOverRandom the linear-probe gain over the {@code random-encoder} baseline results with the same
 *        dataset, encoder and probe, or {@code null} when the view has no such results
 * @param gainCiLow the lower bound of the gain's interval, or {@code null} when undefined
 * @param gainCiHigh the upper bound of the gain's interval, or {@code null} when undefined
 * @param gainMethod {@code paired} (per-seed differences) or {@code welch}, or {@code null} without a gain
 * @param beatsRandom {@code true} when the gain's interval lies above 0, {@code false} when it lies below 0, and
 *        {@code null} when it contains 0 or is undefined
 * @param configurationId {@code c-} and 16 hex digits identifying the configuration; see
 *        {@link dev.descent.registry.store.Configuration#id()}; pooled rows use the configuration without pretext
 * @param label the loss, followed in brackets by the settings in which the rows of this table differ
 * @param dataset the dataset name
 * @param encoder the encoder's name
 * @param pretext the pretext task, or {@code null} in the table pooled over pretext tasks
 * @param training the training budget
 * @param probe the probe settings
 * @param trainingImages epochs x pretrainImages, the value that the {@code budget} filter matches
 * @param leader whether this row is the leader of its table: the highest mean, then the most results
 * @param tiedWithLeader {@code true} when the comparison with the leader has p >= 0.05 or cannot be made, and for
 *        the leader itself, so the rows marked tied are those the data cannot separate from the top
 * @param vsLeader the comparison with the leader, or {@code null} for the leader and when no test is possible
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
        Boolean beatsRandom,
        String configurationId,
        String label,
        String dataset,
        String encoder,
        String pretext,
        TrainingSpec training,
        ProbeSpec probe,
        long trainingImages,
        boolean leader,
        boolean tiedWithLeader,
        LeaderComparison vsLeader) {
}
