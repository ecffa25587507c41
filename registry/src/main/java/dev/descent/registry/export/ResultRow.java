package dev.descent.registry.export;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.descent.model.message.Json;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.registry.store.Configuration;
import dev.descent.registry.store.EvaluationsJson;
import dev.descent.registry.store.LabelFractionsJson;
import dev.descent.registry.store.StoredResult;

/**
 * One stored result with its config flattened into columns, the row of {@code GET /api/results}. Settings that a
 * config does not have, such as the training of a raw-pixel baseline, are {@code null}, an empty CSV field.
 *
 * @param experimentIds every linked experiment, separated by {@code ;}
 * @param labelFractions the probe and kNN on each label fraction as a JSON array text (the
 *        {@link dev.descent.model.message.LabelFractionScores} fields), or {@code null} when the trial has none. The
 *        JSON export writes the array itself in its place; see {@link #jsonObject}.
 * @param evaluations the evaluator plug-ins' figures as a JSON array text (the
 *        {@link dev.descent.model.message.EvaluatorScore} fields), or {@code null} when the trial has none; the JSON
 *        export writes the array itself here too
 */
@JsonPropertyOrder({"trialId", "experimentId", "experimentIds", "configurationId", "dataset", "encoder", "pretext",
        "loss", "seed", "epochs", "batchSize", "learningRate", "pretrainImages", "trainingImages", "probeTrainImages",
        "probeTestImages", "probeEpochs", "knnK", "linearProbeAccuracy", "knnAccuracy",
        "randomEncoderLinearProbeAccuracy", "randomEncoderKnnAccuracy", "validationLinearProbeAccuracy",
        "validationKnnAccuracy", "finalPretextLoss", "wallSeconds", "imagesPerSecond", "attempt", "workerId",
        "backend", "finishedAt", "storedAt", "labelFractions", "evaluations"})
public record ResultRow(
        String trialId,
        String experimentId,
        String experimentIds,
        String configurationId,
        String dataset,
        String encoder,
        String pretext,
        String loss,
        long seed,
        Integer epochs,
        Integer batchSize,
        Double learningRate,
        Integer pretrainImages,
        long trainingImages,
        Integer probeTrainImages,
        Integer probeTestImages,
        Integer probeEpochs,
        Integer knnK,
        double linearProbeAccuracy,
        double knnAccuracy,
        double randomEncoderLinearProbeAccuracy,
        double randomEncoderKnnAccuracy,
        Double validationLinearProbeAccuracy,
        Double validationKnnAccuracy,
        double finalPretextLoss,
        double wallSeconds,
        double imagesPerSecond,
        int attempt,
        String workerId,
        String backend,
        Instant finishedAt,
        Instant storedAt,
        String labelFractions,
        String evaluations) {

    /** Returns the flat row of a stored result. */
    public static ResultRow of(StoredResult result) {
        TrialConfig config = result.config();
        TrainingSpec training = config.training();
        ProbeSpec probe = config.probe();
        Configuration configuration = Configuration.of(config);
        return new ResultRow(
                result.trialId(),
                result.experimentId(),
                String.join(";", result.experimentIds()),
                configuration.id(),
                config.dataset(),
                config.encoder(),
                config.pretext(),
                config.loss(),
                config.seed(),
                training == null ? null : training.epochs(),
                training == null ? null : training.batchSize(),
                training == null ? null : training.learningRate(),
                training == null ? null : training.pretrainImages(),
                configuration.trainingImages(),
                probe == null ? null : probe.trainImages(),
                probe == null ? null : probe.testImages(),
                probe == null ? null : probe.epochs(),
                probe == null ? null : probe.knnK(),
                result.linearProbeAccuracy(),
                result.knnAccuracy(),
                result.randomEncoderLinearProbeAccuracy(),
                result.randomEncoderKnnAccuracy(),
                result.validationLinearProbeAccuracy(),
                result.validationKnnAccuracy(),
                result.finalPretextLoss(),
                result.wallSeconds(),
                result.imagesPerSecond(),
                result.attempt(),
                result.workerId(),
                result.backend(),
                result.finishedAt(),
                result.storedAt(),
                LabelFractionsJson.write(result.labelFractions()),
                EvaluationsJson.write(result.evaluations()));
    }

    /**
     * Returns the row as a JSON object whose {@code labelFractions} and {@code evaluations} are the arrays of figures
     * rather than their text, the form of the JSON export.
     */
    public static ObjectNode jsonObject(StoredResult result) {
        ObjectNode node = Json.messages().valueToTree(of(result));
        node.set("labelFractions", Json.messages().valueToTree(result.labelFractions()));
        node.set("evaluations", Json.messages().valueToTree(result.evaluations()));
        return node;
    }
}
