package dev.descent.registry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.Json;
import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.message.LossPoint;
import dev.descent.model.message.TrialResult;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;

class ResultParserTest {

    private static final String FRACTIONS = "[{\"fraction\": 0.1, \"images\": 100, \"linearL2\": 0.001, \"knnK\": 5, "
            + "\"validationLinearProbeAccuracy\": 0.71, \"linearProbeAccuracy\": 0.7, \"validationKnnAccuracy\": 0.66, "
            + "\"knnAccuracy\": 0.65}]";

    private static final String EVALUATIONS = "[{\"name\": \"nearest-centroid\", \"version\": \"1.0\", "
            + "\"validationAccuracy\": 0.71, \"testAccuracy\": 0.7}, {\"name\": \"broken\", \"version\": null, "
            + "\"validationAccuracy\": null, \"testAccuracy\": null}]";

    private final ResultParser parser = new ResultParser();

    @Test
    void validResultParses() throws InvalidResultException {
        TrialResult parsed = parser.parse(validJson().toString());

        assertEquals("e-1", parsed.experimentId());
        assertEquals("t-1", parsed.trialId());
        assertEquals("inpainting", parsed.config().pretext());
        assertEquals(0.8, parsed.linearProbeAccuracy());
        assertEquals(Instant.parse("2026-12-04T10:15:30Z"), parsed.finishedAt());
        assertEquals(List.of(new LossPoint(128, 0.05), new LossPoint(256, 0.03)), parsed.lossCurve());
    }

    @Test
    void missingLossCurveAccepted() throws InvalidResultException {
        ObjectNode json = validJson();
        json.remove("lossCurve");
        assertEquals(null, parser.parse(json.toString()).lossCurve());
        json.putNull("lossCurve");
        assertEquals(null, parser.parse(json.toString()).lossCurve());
    }

    @Test
    void labelFractionsParse() throws InvalidResultException {
        ObjectNode json = validJson();
        json.set("labelFractions", readJson(FRACTIONS));

        TrialResult parsed = parser.parse(json.toString());

        assertEquals(List.of(new LabelFractionScores(0.1, 100, 0.001, 5, 0.71, 0.7, 0.66, 0.65)),
                parsed.labelFractions());
        json.remove("labelFractions");
        assertEquals(null, parser.parse(json.toString()).labelFractions());
    }

    @Test
    void invalidLabelFractionsRejected() {
        // Each row: the field the parser must name, then the labelFractions value as JSON.
        String[][] cases = {
                {"labelFractions", "\"all\""},
                {"labelFractions[0]", "[0.1]"},
                {"labelFractions[0].fraction", FRACTIONS.replace("0.1,", "0,")},
                {"labelFractions[0].fraction", FRACTIONS.replace("0.1,", "1.5,")},
                {"labelFractions[0].images", FRACTIONS.replace("100", "0")},
                {"labelFractions[0].knnK", FRACTIONS.replace("\"knnK\": 5", "\"knnK\": 2.5")},
                {"labelFractions[0].linearL2", FRACTIONS.replace("0.001", "-1")},
                {"labelFractions[0].knnAccuracy", FRACTIONS.replace("0.65", "1.2")},
                {"labelFractions[0].validationKnnAccuracy", FRACTIONS.replace("0.66", "\"high\"")},
                {"labelFractions[0].linearProbeAccuracy", FRACTIONS.replace(", \"linearProbeAccuracy\": 0.7", "")},
        };
        for (String[] row : cases) {
            ObjectNode json = validJson();
            json.set("labelFractions", readJson(row[1]));
            InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(json.toString()),
                    row[1]);
            assertEquals(row[0], e.field(), row[1] + ": " + e.getMessage());
        }
    }

    @Test
    void evaluationsParse() throws InvalidResultException {
        ObjectNode json = validJson();
        json.set("evaluations", readJson(EVALUATIONS));

        TrialResult parsed = parser.parse(json.toString());

        assertEquals(List.of(new EvaluatorScore("nearest-centroid", "1.0", 0.71, 0.7),
                new EvaluatorScore("broken", null, null, null)), parsed.evaluations());
        json.remove("evaluations");
        assertEquals(null, parser.parse(json.toString()).evaluations());
        json.putNull("evaluations");
        assertEquals(null, parser.parse(json.toString()).evaluations());
    }

    @Test
    void invalidEvaluationsRejected() {
        // Each row: the field the parser must name, then the evaluations value as JSON.
        String[][] cases = {
                {"evaluations", "\"centroid\""},
                {"evaluations[0]", "[0.7]"},
                {"evaluations[0].name", EVALUATIONS.replace("\"name\": \"nearest-centroid\", ", "")},
                {"evaluations[0].name", EVALUATIONS.replace("\"nearest-centroid\"", "\" \"")},
                {"evaluations[0].name", EVALUATIONS.replace("\"nearest-centroid\"", "7")},
                {"evaluations[0].version", EVALUATIONS.replace("\"1.0\"", "1.0")},
                {"evaluations[0].testAccuracy", EVALUATIONS.replace("0.7}", "1.5}")},
                {"evaluations[0].testAccuracy", EVALUATIONS.replace("0.7}", "-0.1}")},
                {"evaluations[0].validationAccuracy", EVALUATIONS.replace("0.71", "\"high\"")},
                {"evaluations[1].name", EVALUATIONS.replace("\"broken\"", "\"" + "x".repeat(
                        ResultParser.MAX_ID_LENGTH + 1) + "\"")},
        };
        for (String[] row : cases) {
            ObjectNode json = validJson();
            json.set("evaluations", readJson(row[1]));
            InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(json.toString()),
                    row[1]);
            assertEquals(row[0], e.field(), row[1] + ": " + e.getMessage());
        }
    }

    @Test
    void tooManyEvaluationsRejected() {
        ObjectNode json = validJson();
        var evaluations = json.putArray("evaluations");
        for (int i = 0; i <= ResultParser.MAX_EVALUATIONS; i++) {
            evaluations.addObject().put("name", "e" + i).put("testAccuracy", 0.5);
        }
        InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(json.toString()));
        assertEquals("evaluations", e.field(), e.getMessage());
    }

    @Test
    void invalidLossCurveRejected() {
        // Each row: the field the parser must name, then the lossCurve value as JSON.
        String[][] cases = {
                {"lossCurve", "\"steep\""},
                {"lossCurve[0]", "[3]"},
                {"lossCurve[0].images", "[{\"loss\": 0.1}]"},
                {"lossCurve[0].images", "[{\"images\": -1, \"loss\": 0.1}]"},
                {"lossCurve[0].images", "[{\"images\": 1.5, \"loss\": 0.1}]"},
                {"lossCurve[1].loss", "[{\"images\": 1, \"loss\": 0.1}, {\"images\": 2}]"},
                {"lossCurve[0].loss", "[{\"images\": 1, \"loss\": \"low\"}]"},
        };
        for (String[] row : cases) {
            ObjectNode json = validJson();
            json.set("lossCurve", readJson(row[1]));
            InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(json.toString()),
                    row[1]);
            assertEquals(row[0], e.field(), row[1] + ": " + e.getMessage());
        }
    }

    @Test
    void overlongLossCurveRejected() {
        ObjectNode json = validJson();
        var curve = json.putArray("lossCurve");
        for (int i = 0; i <= ResultParser.MAX_LOSS_POINTS; i++) {
            curve.addObject().put("images", i).put("loss", 0.1);
        }
        InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(json.toString()));
        assertEquals("lossCurve", e.field(), e.getMessage());
    }

    @Test
    void notJsonRejected() {
        InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse("{oops"));
        assertEquals("$", e.field());
    }

    @Test
    void emptyValueRejected() {
        assertEquals("$", assertThrows(InvalidResultException.class, () -> parser.parse(null)).field());
        assertEquals("$", assertThrows(InvalidResultException.class, () -> parser.parse(" ")).field());
        assertEquals("$", assertThrows(InvalidResultException.class, () -> parser.parse("42")).field());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "trialId                          | <remove>",
            "trialId                          | ''",
            "trialId                          | 17",
            "experimentId                     | <remove>",
            "config                           | <remove>",
            "config                           | 'inpainting'",
            "linearProbeAccuracy              | 1.01",
            "linearProbeAccuracy              | -0.01",
            "linearProbeAccuracy              | '0.5'",
            "linearProbeAccuracy              | <remove>",
            "knnAccuracy                      | 2",
            "randomEncoderLinearProbeAccuracy | <remove>",
            "randomEncoderKnnAccuracy         | -1",
            "finalPretextLoss                 | <remove>",
            "wallSeconds                      | -3",
            "imagesPerSecond                  | <remove>",
            "attempt                          | 1.5",
            "attempt                          | -1",
            "attempt                          | 9999999999",
            "workerId                         | 5",
            "backend                          | false",
            "experimentId                     | {}",
            "validationLinearProbeAccuracy    | 1.5",
            "validationKnnAccuracy            | 'high'",
            "finishedAt                       | 'yesterday'",
            "finishedAt                       | [1]",
            "finishedAt                       | 1e20",
            "finishedAt                       | '100000000000000000'",
    })
    void invalidFieldRejected(String field, String replacement) {
        ObjectNode json = validJson();
        if (replacement.equals("<remove>")) {
            json.remove(field);
        }
        else {
            json.set(field, readJson(replacement));
        }
        InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(json.toString()));
        assertEquals(field, e.field(), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "dataset | <remove>",
            "pretext | ''",
            "loss    | <remove>",
            "seed    | <remove>",
            "seed    | 'one'",
    })
    void invalidConfigRejected(String field, String replacement) {
        ObjectNode json = validJson();
        ObjectNode config = (ObjectNode) json.get("config");
        if (replacement.equals("<remove>")) {
            config.remove(field);
        }
        else {
            config.set(field, readJson(replacement));
        }
        InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(json.toString()));
        assertEquals("config." + field, e.field(), e.getMessage());
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws InvalidResultException, JsonProcessingException {
        // Every component is set, so that a field that the streaming parser does not read fails the comparison.
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae", "inpainting", "l2", 7,
                new TrainingSpec(2, 64, 1e-3, 2000), new ProbeSpec(1000, 200, 5, 10));
        TrialResult result = new TrialResult("e-2", "t-2", 3, config, 0.81, 0.72, 0.7, 0.61, 0.0123456789012345,
                12.5, 345.678, "worker-2", "CPU (nd4j-native)", Instant.parse("2026-12-04T10:15:30.123456Z"),
                List.of(new LossPoint(64, 0.1), new LossPoint(128, 1.0E-7)), 0.8, 0.71,
                List.of(new LabelFractionScores(0.1, 100, 0.001, 5, 0.71, 0.7, 0.66, 0.65)),
                List.of(new EvaluatorScore("nearest-centroid", "1.0", 0.71, 0.7),
                        new EvaluatorScore("broken", null, null, null)));

        assertEquals(result, parser.parse(Json.messages().writeValueAsString(result)));
    }

    @Test
    void unknownFieldsAndNullsIgnored() throws InvalidResultException {
        ObjectNode json = validJson();
        json.putObject("futureField").putArray("nested").addObject().put("deep", 1);
        json.putNull("workerId");
        ((ObjectNode) json.get("lossCurve").get(0)).put("step", 3).putArray("extra").add(1);

        TrialResult parsed = parser.parse(json.toString());

        assertEquals(null, parsed.workerId());
        assertEquals(new LossPoint(128, 0.05), parsed.lossCurve().get(0));
    }

    @Test
    void trailingContentRejected() {
        InvalidResultException e = assertThrows(InvalidResultException.class,
                () -> parser.parse(validJson().toString() + " {}"));
        assertEquals("$", e.field(), e.getMessage());
    }

    @Test
    void outOfRangeInstantRejected() {
        // Written into the text, because a JSON tree would turn the overflowing numbers into the string "Infinity".
        for (String number : List.of("1e400", "-1e400", "1e2147483647", "-1e2147483647", "9223372036854775807")) {
            String text = validJson().toString().replace("\"2026-12-04T10:15:30Z\"", number);
            InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(text), number);
            assertEquals("finishedAt", e.field(), e.getMessage());
        }
    }

    @Test
    void duplicateKeyRejected() {
        String text = validJson().toString();
        String duplicated = text.substring(0, text.length() - 1) + ", \"experimentId\": null}";
        InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(duplicated));
        assertEquals("$", e.field(), e.getMessage());
    }

    @Test
    void badEscapeInInstantRejectedAsJson() {
        String text = validJson().toString().replace("10:15:30Z", "10:15:30Z\\q");
        InvalidResultException e = assertThrows(InvalidResultException.class, () -> parser.parse(text));
        assertEquals("$", e.field(), e.getMessage());
    }

    @Test
    void truncatedRecordRejected() {
        String text = validJson().toString();
        InvalidResultException e = assertThrows(InvalidResultException.class,
                () -> parser.parse(text.substring(0, text.length() / 2)));
        assertEquals("$", e.field(), e.getMessage());
    }

    @Test
    void overlongIdRejected() {
        ObjectNode json = validJson();
        json.put("trialId", "t-" + "0".repeat(ResultParser.MAX_ID_LENGTH));
        assertEquals("trialId", assertThrows(InvalidResultException.class, () -> parser.parse(json.toString()))
                .field());
    }

    private static ObjectNode validJson() {
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae", "inpainting", "l2", 1,
                new TrainingSpec(1, 128, 1e-3, 1000), new ProbeSpec(1000, 200, 5, 10));
        TrialResult result = new TrialResult("e-1", "t-1", 1, config, 0.8, 0.7, 0.75, 0.65, 0.01, 12.0, 300.0,
                "worker-1", "CPU", Instant.parse("2026-12-04T10:15:30Z"),
                List.of(new LossPoint(128, 0.05), new LossPoint(256, 0.03)));
        return Json.messages().valueToTree(result);
    }

    /** Reads a test value as JSON, where {@code 'text'} stands for the JSON string "text". */
    private static JsonNode readJson(String text) {
        String json = text.startsWith("'") ? "\"" + text.substring(1, text.length() - 1) + "\"" : text;
        try {
            return Json.messages().readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test value " + text, e);
        }
    }
}
