package dev.descent.worker.trial;

import java.util.List;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.message.LossPoint;

/**
 * A trial's measurements. Accuracies are fractions in [0, 1] on the probe's test images, except the validation
 * figures, which are on the validation images carved from the train split.
 *
 * @param linearProbeAccuracy softmax regression on the trained encoder's features
 * @param knnAccuracy k-nearest neighbours on the trained encoder's features
 * @param randomEncoderLinearProbeAccuracy the same linear probe on the untrained encoder
 * @param randomEncoderKnnAccuracy the same kNN on the untrained encoder
 * @param finalPretextLoss the mean per-pixel pretext loss over the last epoch
 * @param imagesPerSecond pretext training throughput
 * @param pretrainSeconds wall time of pretext training
 * @param evaluationSeconds wall time of feature extraction and both probes, for both encoders
 * @param backend the ND4J backend, such as {@code CPU (nd4j-native, oneDNN helpers on)}
 * @param lossCurve the mean pretext loss every few batches, about {@value LossCurveRecorder#TARGET_POINTS} points
 * @param validationLinearProbeAccuracy the linear probe on the trained encoder (for baselines, the baseline's own
 *     features), scored on the validation images; {@code null} when the config has no validation images
 * @param validationKnnAccuracy kNN on the same features and validation images; {@code null} without them
 * @param labelFractions the probes fitted on each of {@code probe.labelFractions} of the same features, with settings
 *     chosen on the validation images; {@code null} with the default fractions or without validation images
 * @param evaluations the evaluator plug-ins on the same features as the validation figures, scored on the validation
 *     and test images; {@code null} without evaluator plug-ins or without validation images
 */
public record TrialOutcome(
        double linearProbeAccuracy,
        double knnAccuracy,
        double randomEncoderLinearProbeAccuracy,
        double randomEncoderKnnAccuracy,
        double finalPretextLoss,
        double imagesPerSecond,
        double pretrainSeconds,
        double evaluationSeconds,
        String backend,
        List<LossPoint> lossCurve,
        Double validationLinearProbeAccuracy,
        Double validationKnnAccuracy,
        List<LabelFractionScores> labelFractions,
        List<EvaluatorScore> evaluations) {

    /** Creates an outcome without evaluator plug-in figures. */
    public TrialOutcome(double linearProbeAccuracy, double knnAccuracy, double randomEncoderLinearProbeAccuracy,
                        double randomEncoderKnnAccuracy, double finalPretextLoss, double imagesPerSecond,
                        double pretrainSeconds, double evaluationSeconds, String backend, List<LossPoint> lossCurve,
                        Double validationLinearProbeAccuracy, Double validationKnnAccuracy,
                        List<LabelFractionScores> labelFractions) {
        this(linearProbeAccuracy, knnAccuracy, randomEncoderLinearProbeAccuracy, randomEncoderKnnAccuracy,
                finalPretextLoss, imagesPerSecond, pretrainSeconds, evaluationSeconds, backend, lossCurve,
                validationLinearProbeAccuracy, validationKnnAccuracy, labelFractions, null);
    }

    /** Creates an outcome without label-fraction or evaluator plug-in figures. */
    public TrialOutcome(double linearProbeAccuracy, double knnAccuracy, double randomEncoderLinearProbeAccuracy,
                        double randomEncoderKnnAccuracy, double finalPretextLoss, double imagesPerSecond,
                        double pretrainSeconds, double evaluationSeconds, String backend, List<LossPoint> lossCurve,
                        Double validationLinearProbeAccuracy, Double validationKnnAccuracy) {
        this(linearProbeAccuracy, knnAccuracy, randomEncoderLinearProbeAccuracy, randomEncoderKnnAccuracy,
                finalPretextLoss, imagesPerSecond, pretrainSeconds, evaluationSeconds, backend, lossCurve,
                validationLinearProbeAccuracy, validationKnnAccuracy, null, null);
    }
}
