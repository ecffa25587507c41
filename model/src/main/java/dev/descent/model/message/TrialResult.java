package dev.descent.model.message;

import java.time.Instant;
import java.util.List;

import dev.descent.model.trial.TrialConfig;

/**
 * A finished trial's measurements, as published on {@link Topics#RESULTS}.
 *
 * <p>Accuracies are fractions in [0, 1] on the probe's test images. The random-encoder figures come from an encoder
 * of the same architecture and seed that was never trained, evaluated by the same probe, so each result carries its
 * own baseline.
 *
 * @param experimentId the experiment that requested the trial
 * @param trialId the config's deterministic id
 * @param attempt the delivery attempt that produced the result
 * @param config the trial's config
 * @param linearProbeAccuracy softmax regression on the frozen encoder's features
 * @param knnAccuracy k-nearest neighbours (cosine similarity) on the frozen encoder's features
 * @param randomEncoderLinearProbeAccuracy the linear probe on the untrained encoder
 * @param randomEncoderKnnAccuracy kNN on the untrained encoder
 * @param finalPretextLoss the mean per-pixel pretext loss over the last epoch
 * @param wallSeconds the attempt's wall time, from taking the trial to publishing the result
 * @param imagesPerSecond pretext training throughput
 * @param workerId the worker that ran the trial
 * @param backend the ND4J backend and its device, such as {@code CPU (nd4j-native, oneDNN helpers on)}
 * @param finishedAt when the result was published
 * @param lossCurve the pretext loss during training, in training order; {@code null} or empty when the worker did not
 *        record it
 * @param validationLinearProbeAccuracy the linear probe's accuracy on the validation images carved from the train
 *        split; search strategies decide on this figure, never on the test figures; {@code null} from older workers
 * @param validationKnnAccuracy kNN's accuracy on the same validation images; {@code null} from older workers
 * @param labelFractions the probe and kNN fitted on each of the config's {@code probe.labelFractions}, in ascending
 *        fraction; {@code null} when the config keeps the default (all train images only), from baselines without
 *        validation images, and from older workers. The top-level accuracies stay the figures on all train images
 *        with the config's fixed settings.
 * @param evaluations the worker's evaluator plug-ins, in the order the worker loaded them, on the features that the
 *        validation figures come from; {@code null} when the worker has no evaluator plug-in, from baselines without
 *        validation images, and from older workers
 */
public record TrialResult(
        String experimentId,
        String trialId,
        int attempt,
        TrialConfig config,
        double linearProbeAccuracy,
        double knnAccuracy,
        double randomEncoderLinearProbeAccuracy,
        double randomEncoderKnnAccuracy,
        double finalPretextLoss,
        double wallSeconds,
        double imagesPerSecond,
        String workerId,
        String backend,
        Instant finishedAt,
        List<LossPoint> lossCurve,
        Double validationLinearProbeAccuracy,
        Double validationKnnAccuracy,
        List<LabelFractionScores> labelFractions,
        List<EvaluatorScore> evaluations) {

    /** Creates a result without evaluator plug-in figures, as workers before evaluator plug-ins published them. */
    public TrialResult(String experimentId, String trialId, int attempt, TrialConfig config,
                       double linearProbeAccuracy, double knnAccuracy, double randomEncoderLinearProbeAccuracy,
                       double randomEncoderKnnAccuracy, double finalPretextLoss, double wallSeconds,
                       double imagesPerSecond, String workerId, String backend, Instant finishedAt,
                       List<LossPoint> lossCurve, Double validationLinearProbeAccuracy, Double validationKnnAccuracy,
                       List<LabelFractionScores> labelFractions) {
        this(experimentId, trialId, attempt, config, linearProbeAccuracy, knnAccuracy,
                randomEncoderLinearProbeAccuracy, randomEncoderKnnAccuracy, finalPretextLoss, wallSeconds,
                imagesPerSecond, workerId, backend, finishedAt, lossCurve, validationLinearProbeAccuracy,
                validationKnnAccuracy, labelFractions, null);
    }

    /** Creates a result without label-fraction figures, as workers before label fractions published them. */
    public TrialResult(String experimentId, String trialId, int attempt, TrialConfig config,
                       double linearProbeAccuracy, double knnAccuracy, double randomEncoderLinearProbeAccuracy,
                       double randomEncoderKnnAccuracy, double finalPretextLoss, double wallSeconds,
                       double imagesPerSecond, String workerId, String backend, Instant finishedAt,
                       List<LossPoint> lossCurve, Double validationLinearProbeAccuracy, Double validationKnnAccuracy) {
        this(experimentId, trialId, attempt, config, linearProbeAccuracy, knnAccuracy,
                randomEncoderLinearProbeAccuracy, randomEncoderKnnAccuracy, finalPretextLoss, wallSeconds,
                imagesPerSecond, workerId, backend, finishedAt, lossCurve, validationLinearProbeAccuracy,
                validationKnnAccuracy, null, null);
    }

    /** Creates a result without validation figures, as workers before validation splits published them. */
    public TrialResult(String experimentId, String trialId, int attempt, TrialConfig config,
                       double linearProbeAccuracy, double knnAccuracy, double randomEncoderLinearProbeAccuracy,
                       double randomEncoderKnnAccuracy, double finalPretextLoss, double wallSeconds,
                       double imagesPerSecond, String workerId, String backend, Instant finishedAt,
                       List<LossPoint> lossCurve) {
        this(experimentId, trialId, attempt, config, linearProbeAccuracy, knnAccuracy,
                randomEncoderLinearProbeAccuracy, randomEncoderKnnAccuracy, finalPretextLoss, wallSeconds,
                imagesPerSecond, workerId, backend, finishedAt, lossCurve, null, null, null, null);
    }
}
