package dev.descent.registry.export;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.registry.store.Configuration;
import dev.descent.registry.store.StoredResult;

/**
 * One stored result with its config flattened into columns, the row of {@code GET /api/results}. Settings that a
 * config does not have, such as the training of a raw-pixel baseline, are {@code null}, an empty CSV field.
 *
 * @param experimentIds every linked experiment, separated by {@code ;}
 */
@JsonPropertyOrder({"trialId", "experimentId", "experimentIds", "configurationId", "dataset", "encoder", "pretext",
        "loss", "seed", "epochs", "batchSize", "learningRate", "pretrainImages", "trainingImages", "probeTrainImages",
        "probeTestImages", "probeEpochs", "knnK", "linearProbeAccuracy", "knnAccuracy",
        "randomEncoderLinearProbeAccuracy", "randomEncoderKnnAccuracy", "validationLinearProbeAccuracy",
        "validationKnnAccuracy", "finalPretextLoss", "wallSeconds", "imagesPerSecond", "attempt", "workerId",
        "backend", "finishedAt", "storedAt"})
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
        Instant storedAt) {

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
                result.storedAt());
    }
}
