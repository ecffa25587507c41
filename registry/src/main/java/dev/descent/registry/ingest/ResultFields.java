package dev.descent.registry.ingest;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.Json;
import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.message.LossPoint;
import dev.descent.model.message.TrialResult;
import dev.descent.model.trial.TrialConfig;

/**
 * The top-level fields of one result record, filled while a streaming parser reads them and checked when the record
 * ends: each value is checked for its type and range as it is read, and the required fields for presence at the end,
 * in a fixed order. Unknown fields are skipped, so that producers can add fields, and a JSON null counts as missing.
 *
 * <p>Not thread-safe: one instance reads one record.
 */
final class ResultFields {

    private static final String[] ACCURACIES = {"linearProbeAccuracy", "knnAccuracy",
            "randomEncoderLinearProbeAccuracy", "randomEncoderKnnAccuracy"};

    private String experimentId;
    private String trialId;
    private long attempt = Long.MIN_VALUE;
    private TrialConfig config;

    /** Indexed as {@link #ACCURACIES}, and {@link JsonValues#ABSENT} until read. */
    private final double[] accuracies = {JsonValues.ABSENT, JsonValues.ABSENT, JsonValues.ABSENT, JsonValues.ABSENT};

    private double finalPretextLoss = JsonValues.ABSENT;
    private double wallSeconds = JsonValues.ABSENT;
    private double imagesPerSecond = JsonValues.ABSENT;
    private String workerId;
    private String backend;
    private Instant finishedAt;
    private List<LossPoint> lossCurve;
    private Double validationLinearProbeAccuracy;
    private Double validationKnnAccuracy;
    private List<LabelFractionScores> labelFractions;
    private List<EvaluatorScore> evaluations;

    /** Reads the fields of the object whose start is the parser's current token, up to and including its end. */
    ResultFields read(JsonParser parser) throws IOException, InvalidResultException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            readField(parser, field);
        }
        return this;
    }

    private void readField(JsonParser parser, String field) throws IOException, InvalidResultException {
        switch (field) {
            case "experimentId" -> experimentId = JsonValues.text(parser, null, -1, field,
                    ResultParser.MAX_ID_LENGTH, false);
            case "trialId" -> trialId = JsonValues.text(parser, null, -1, field, ResultParser.MAX_ID_LENGTH, false);
            case "attempt" -> {
                attempt = JsonValues.integer(parser, null, -1, field, true);
                if (attempt < 0) {
                    throw new InvalidResultException(field, "must not be negative, got " + attempt);
                }
            }
            case "config" -> config = ConfigReader.read(parser);
            case "linearProbeAccuracy" -> accuracies[0] = JsonValues.accuracy(parser, null, -1, field);
            case "knnAccuracy" -> accuracies[1] = JsonValues.accuracy(parser, null, -1, field);
            case "randomEncoderLinearProbeAccuracy" -> accuracies[2] = JsonValues.accuracy(parser, null, -1, field);
            case "randomEncoderKnnAccuracy" -> accuracies[3] = JsonValues.accuracy(parser, null, -1, field);
            case "finalPretextLoss" -> finalPretextLoss = JsonValues.finite(parser, null, -1, field);
            case "wallSeconds" -> wallSeconds = nonNegative(parser, field);
            case "imagesPerSecond" -> imagesPerSecond = nonNegative(parser, field);
            case "workerId" -> workerId = JsonValues.text(parser, null, -1, field, ResultParser.MAX_LABEL_LENGTH,
                    true);
            case "backend" -> backend = JsonValues.text(parser, null, -1, field, ResultParser.MAX_LABEL_LENGTH, true);
            case "finishedAt" -> finishedAt = readInstant(parser, field);
            case "lossCurve" -> lossCurve = LossCurveReader.read(parser);
            case "validationLinearProbeAccuracy" -> validationLinearProbeAccuracy =
                    JsonValues.accuracy(parser, null, -1, field);
            case "validationKnnAccuracy" -> validationKnnAccuracy = JsonValues.accuracy(parser, null, -1, field);
            case "labelFractions" -> labelFractions = LabelFractionsReader.read(parser);
            case "evaluations" -> evaluations = EvaluationsReader.read(parser);
            default -> parser.skipChildren();
        }
    }

    /** Returns the result, or names the first required field that the record lacks. */
    TrialResult toResult() throws InvalidResultException {
        requirePresent(experimentId == null, "experimentId");
        requirePresent(trialId == null, "trialId");
        if (config == null) {
            throw new InvalidResultException("config", "missing or not an object: null");
        }
        for (int i = 0; i < ACCURACIES.length; i++) {
            requirePresent(Double.isNaN(accuracies[i]), ACCURACIES[i]);
        }
        requirePresent(Double.isNaN(finalPretextLoss), "finalPretextLoss");
        requirePresent(Double.isNaN(wallSeconds), "wallSeconds");
        requirePresent(Double.isNaN(imagesPerSecond), "imagesPerSecond");
        requirePresent(attempt == Long.MIN_VALUE, "attempt");
        return new TrialResult(experimentId, trialId, (int) attempt, config, accuracies[0], accuracies[1],
                accuracies[2], accuracies[3], finalPretextLoss, wallSeconds, imagesPerSecond, workerId, backend,
                finishedAt, lossCurve, validationLinearProbeAccuracy, validationKnnAccuracy, labelFractions,
                evaluations);
    }

    private static void requirePresent(boolean absent, String field) throws InvalidResultException {
        if (absent) {
            throw new InvalidResultException(field, "missing");
        }
    }

    private static double nonNegative(JsonParser parser, String field) throws IOException, InvalidResultException {
        double value = JsonValues.finite(parser, null, -1, field);
        if (value < 0) {
            throw new InvalidResultException(field, "must not be negative, got " + value);
        }
        return value;
    }

    /**
     * Reads an instant as the message mapper does: ISO-8601 text, or seconds since the epoch. A malformed record is
     * left to the caller as a parse error, and any instant that Jackson or {@link Instant} cannot represent is named.
     */
    private static Instant readInstant(JsonParser parser, String field) throws IOException, InvalidResultException {
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT)
                && !Double.isFinite(parser.getDoubleValue())) {
            // Jackson 2.21 read 1e400 as the epoch rather than rejecting it.
            throw new InvalidResultException(field, "expected an ISO-8601 instant such as 2026-12-04T10:15:30Z, got "
                    + JsonValues.describe(parser));
        }
        try {
            return Json.messages().readValue(parser, Instant.class);
        }
        catch (StreamReadException e) {
            throw e;
        }
        catch (JsonProcessingException | DateTimeException | ArithmeticException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new InvalidResultException(field, "expected an ISO-8601 instant such as 2026-12-04T10:15:30Z ("
                    + reason + ")");
        }
    }
}
