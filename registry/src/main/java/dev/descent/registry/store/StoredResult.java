package dev.descent.registry.store;

import java.time.Instant;
import java.util.List;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.message.LossPoint;
import dev.descent.model.trial.TrialConfig;

/**
 * A trial result as the registry stores it: every {@link dev.descent.model.message.TrialResult} field, plus when it
 * was stored and which experiments requested the trial.
 *
 * @param experimentId the experiment of the first delivery that was stored
 * @param trialId the config's deterministic id
 * @param attempt the delivery attempt that produced the result
 * @param config the trial's config
 * @param linearProbeAccuracy linear probe accuracy on the trained encoder, in [0, 1]
 * @param knnAccuracy kNN accuracy on the trained encoder, in [0, 1]
 * @param randomEncoderLinearProbeAccuracy linear probe accuracy on the untrained encoder, in [0, 1]
 * @param randomEncoderKnnAccuracy kNN accuracy on the untrained encoder, in [0, 1]
 * @param finalPretextLoss the mean per-pixel pretext loss over the last epoch
 * @param wallSeconds the attempt's wall time in seconds
 * @param imagesPerSecond pretext training throughput
 * @param workerId the worker that ran the trial
 * @param backend the ND4J backend and its device
 * @param finishedAt when the worker published the result
 * @param storedAt when the registry stored the result
 * @param experimentIds every experiment linked to the trial, sorted: those that ran it and those that reuse its
 *        result through a result link
 * @param lossCurve the pretext loss during training, in training order; empty when the worker did not record it
 * @param validationLinearProbeAccuracy the linear probe's accuracy on the validation images, or {@code null} from
 *        workers that do not report it
 * @param validationKnnAccuracy kNN's accuracy on the validation images, or {@code null}
 * @param labelFractions the probe and kNN on each label fraction, in ascending fraction, or {@code null} for trials
 *        with the default fractions and results from older workers
 * @param evaluations the worker's evaluator plug-ins on the validation and test images, or {@code null} for results
 *        from workers without evaluator plug-ins and from older workers
 */
public record StoredResult(
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
        Instant storedAt,
        List<String> experimentIds,
        List<LossPoint> lossCurve,
        Double validationLinearProbeAccuracy,
        Double validationKnnAccuracy,
        List<LabelFractionScores> labelFractions,
        List<EvaluatorScore> evaluations) {

    /** Creates a result without evaluator plug-in figures. */
    public StoredResult(String experimentId, String trialId, int attempt, TrialConfig config,
            double linearProbeAccuracy, double knnAccuracy, double randomEncoderLinearProbeAccuracy,
            double randomEncoderKnnAccuracy, double finalPretextLoss, double wallSeconds, double imagesPerSecond,
            String workerId, String backend, Instant finishedAt, Instant storedAt, List<String> experimentIds,
            List<LossPoint> lossCurve, Double validationLinearProbeAccuracy, Double validationKnnAccuracy,
            List<LabelFractionScores> labelFractions) {
        this(experimentId, trialId, attempt, config, linearProbeAccuracy, knnAccuracy,
                randomEncoderLinearProbeAccuracy, randomEncoderKnnAccuracy, finalPretextLoss, wallSeconds,
                imagesPerSecond, workerId, backend, finishedAt, storedAt, experimentIds, lossCurve,
                validationLinearProbeAccuracy, validationKnnAccuracy, labelFractions, null);
    }

    /** Creates a result without label-fraction or evaluator plug-in figures. */
    public StoredResult(String experimentId, String trialId, int attempt, TrialConfig config,
            double linearProbeAccuracy, double knnAccuracy, double randomEncoderLinearProbeAccuracy,
            double randomEncoderKnnAccuracy, double finalPretextLoss, double wallSeconds, double imagesPerSecond,
            String workerId, String backend, Instant finishedAt, Instant storedAt, List<String> experimentIds,
            List<LossPoint> lossCurve, Double validationLinearProbeAccuracy, Double validationKnnAccuracy) {
        this(experimentId, trialId, attempt, config, linearProbeAccuracy, knnAccuracy,
                randomEncoderLinearProbeAccuracy, randomEncoderKnnAccuracy, finalPretextLoss, wallSeconds,
                imagesPerSecond, workerId, backend, finishedAt, storedAt, experimentIds, lossCurve,
                validationLinearProbeAccuracy, validationKnnAccuracy, null, null);
    }

    /** Creates a result without a loss curve. */
    public StoredResult(String experimentId, String trialId, int attempt, TrialConfig config,
            double linearProbeAccuracy, double knnAccuracy, double randomEncoderLinearProbeAccuracy,
            double randomEncoderKnnAccuracy, double finalPretextLoss, double wallSeconds, double imagesPerSecond,
            String workerId, String backend, Instant finishedAt, Instant storedAt, List<String> experimentIds) {
        this(experimentId, trialId, attempt, config, linearProbeAccuracy, knnAccuracy,
                randomEncoderLinearProbeAccuracy, randomEncoderKnnAccuracy, finalPretextLoss, wallSeconds,
                imagesPerSecond, workerId, backend, finishedAt, storedAt, experimentIds, List.of(), null, null, null,
                null);
    }
}
