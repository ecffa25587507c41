package dev.descent.registry.store;

/**
 * The figures of one stored result that the leaderboard needs, read without the config JSON or the loss curve.
 *
 * @param configuration the result's configuration: its config without the seed, shared by every result of it
 * @param seed the trial's seed
 * @param linearProbeAccuracy linear probe accuracy on the trained encoder, in [0, 1]
 * @param knnAccuracy kNN accuracy on the trained encoder, in [0, 1]
 * @param randomEncoderLinearProbeAccuracy linear probe accuracy on the untrained encoder of the same trial
 * @param randomEncoderKnnAccuracy kNN accuracy on the untrained encoder of the same trial
 */
public record ResultScore(
        Configuration configuration,
        long seed,
        double linearProbeAccuracy,
        double knnAccuracy,
        double randomEncoderLinearProbeAccuracy,
        double randomEncoderKnnAccuracy) {

    /** Returns the scores of a fully read result. */
    public static ResultScore of(StoredResult result) {
        return new ResultScore(Configuration.of(result.config()), result.config().seed(),
                result.linearProbeAccuracy(), result.knnAccuracy(), result.randomEncoderLinearProbeAccuracy(),
                result.randomEncoderKnnAccuracy());
    }
}
