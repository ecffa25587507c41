package dev.descent.registry;

import static dev.descent.registry.TestResults.config;
import static dev.descent.registry.TestResults.newExperimentId;
import static dev.descent.registry.TestResults.result;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.Json;
import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.message.ResultLink;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialResult;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.registry.export.Csv;
import dev.descent.registry.export.LeaderboardCsvRow;
import dev.descent.registry.export.ResultRow;
import dev.descent.registry.rank.Leaderboard;
import dev.descent.registry.rank.LeaderboardRow;
import dev.descent.registry.store.ActiveDataSource;
import dev.descent.registry.store.StoredResult;
import io.quarkus.arc.Arc;

/**
 * Result links from memoization, validation figures, the query checks, CSV export and the report, through a real
 * broker and the active database. Subclasses run it against H2 and PostgreSQL. No orchestrator runs here, so the
 * report's decisions are missing.
 */
abstract class LinksAndExportContractTest {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    private static final double TOLERANCE = 1e-12;
    private static final String DATASET = "fashion-mnist";

    private ResultPublisher publisher;
    private String nonce;

    @BeforeEach
    void openPublisher() {
        publisher = new ResultPublisher(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        nonce = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    @Test
    void linkedTrialsCountForExperiment() throws SQLException {
        String source = newExperimentId();
        String reuser = newExperimentId();
        TrialResult stored = result(source, config(nonce, DATASET, "inpainting", "l2", 1), 0.84, 0.74, 0.80, 0.62);
        TrialResult later = result(source, config(nonce, DATASET, "inpainting", "l1", 1), 0.82, 0.73, 0.80, 0.62);
        publisher.send(stored);
        awaitCount(source, 1);

        ResultLink link = new ResultLink(reuser, stored.trialId(), source, Instant.parse("2026-12-04T10:00:00Z"));
        publisher.sendLink(link);
        publisher.sendLink(link);
        // This link arrives before its result, which the registry must accept without a foreign key.
        publisher.sendLink(new ResultLink(reuser, later.trialId(), source, Instant.now()));
        awaitLinks(reuser, 2);
        assertEquals(1, RegistryClient.experimentResults(reuser).count(), "the early link has no result yet");
        publisher.send(later);
        awaitCount(reuser, 2);

        assertEquals(1, countRows("SELECT COUNT(*) FROM result_link WHERE experiment_id = ? AND trial_id = '"
                + stored.trialId() + "'", reuser), "a redelivered link is stored once");
        StoredResult trial = RegistryClient.trial(stored.trialId());
        assertEquals(List.of(source, reuser).stream().sorted().toList(), trial.experimentIds());

        Leaderboard board = RegistryClient.leaderboard(Map.of("experiment", reuser));
        assertEquals(2, board.resultCount(), "the experiment filter includes linked trials");
        assertEquals("l2", board.overall().get(0).loss());
        assertEquals(0.84, board.overall().get(0).mean(), TOLERANCE);

        JsonNode report = reportJson(reuser);
        assertEquals(2, report.path("counts").path("withResults").asInt());
        assertEquals(0, report.path("counts").path("ran").asInt());
        assertEquals(2, report.path("counts").path("reused").asInt());
        assertEquals(0, report.path("counts").path("linksAwaitingResult").asInt());
    }

    @Test
    void invalidLinksSkipped() {
        String reuser = newExperimentId();
        TrialResult stored = result(reuser + "-source", config(nonce, DATASET, "denoising", "l2", 2), 0.8, 0.7,
                0.7, 0.6);
        publisher.send(stored);
        publisher.sendRaw(Topics.RESULT_LINKS, "t-bad", "not JSON {");
        publisher.sendRaw(Topics.RESULT_LINKS, "t-bad",
                "{\"experimentId\":\"" + reuser + "\"}");
        publisher.sendRaw(Topics.RESULT_LINKS, "t-bad",
                "{\"experimentId\":\"" + reuser + "\",\"trialId\":\"t-x\",\"linkedAt\":\"yesterday\"}");
        publisher.sendLink(new ResultLink(reuser, stored.trialId(), null, null));
        awaitCount(reuser, 1);

        assertEquals(stored.trialId(), RegistryClient.experimentResults(reuser).results().get(0).trialId());
    }

    @Test
    void validationAccuraciesStored() {
        String experiment = newExperimentId();
        TrialResult base = result(experiment, config(nonce, DATASET, "denoising", "l1", 3), 0.8, 0.7, 0.7, 0.6);
        TrialResult sent = new TrialResult(base.experimentId(), base.trialId(), 1, base.config(), 0.8, 0.7, 0.7, 0.6,
                0.01, 1, 1, "w", "cpu", base.finishedAt(), List.of(), 0.815, 0.705);
        TrialResult older = result(experiment, config(nonce, DATASET, "denoising", "l1", 4), 0.8, 0.7, 0.7, 0.6);
        publisher.send(sent);
        publisher.send(older);
        awaitCount(experiment, 2);

        StoredResult stored = RegistryClient.trial(sent.trialId());
        assertEquals(0.815, stored.validationLinearProbeAccuracy(), TOLERANCE);
        assertEquals(0.705, stored.validationKnnAccuracy(), TOLERANCE);
        assertNull(RegistryClient.trial(older.trialId()).validationLinearProbeAccuracy());
    }

    @Test
    void labelFractionsStoredReportedExported() throws IOException {
        String experiment = newExperimentId();
        TrialConfig base = config(nonce, DATASET, "inpainting", "l2", 6);
        TrialConfig withFractions = new TrialConfig(base.dataset(), base.encoder(), base.pretext(), base.loss(),
                base.seed(), base.training(), new ProbeSpec(10_000, 2_000, 10, 20, 2_000, List.of(0.01, 1.0)));
        List<LabelFractionScores> fractions = List.of(
                new LabelFractionScores(0.01, 100, 0.01, 5, 0.62, 0.61, 0.58, 0.57),
                new LabelFractionScores(1.0, 10_000, 0.0001, 20, 0.83, 0.82, 0.8, 0.79));
        TrialResult plain = result(experiment, withFractions, 0.82, 0.79, 0.7, 0.6);
        TrialResult sent = new TrialResult(experiment, plain.trialId(), 1, withFractions, 0.82, 0.79, 0.7, 0.6,
                0.01, 1, 1, "w", "cpu", plain.finishedAt(), List.of(), 0.83, 0.8, fractions);
        TrialResult without = result(experiment, config(nonce, DATASET, "denoising", "l1", 6), 0.8, 0.7, 0.7, 0.6);
        publisher.send(sent);
        publisher.send(without);
        awaitCount(experiment, 2);

        assertEquals(fractions, RegistryClient.trial(sent.trialId()).labelFractions());
        assertNull(RegistryClient.trial(without.trialId()).labelFractions());

        JsonNode report = reportJson(experiment);
        JsonNode rows = report.path("labelFractions");
        assertEquals(2, rows.size(), report.toString());
        assertEquals(sent.trialId(), rows.get(0).path("trialId").asText());
        assertEquals(0.01, rows.get(0).path("fraction").asDouble(), TOLERANCE);
        assertEquals(100, rows.get(0).path("images").asInt());
        assertEquals(0.01, rows.get(0).path("linearL2").asDouble(), TOLERANCE);
        assertEquals(5, rows.get(0).path("knnK").asInt());
        assertEquals(0.61, rows.get(0).path("linearProbeAccuracy").asDouble(), TOLERANCE);
        assertEquals(0.62, rows.get(0).path("validationLinearProbeAccuracy").asDouble(), TOLERANCE);
        assertEquals(1.0, rows.get(1).path("fraction").asDouble(), TOLERANCE);
        assertEquals(0.79, rows.get(1).path("knnAccuracy").asDouble(), TOLERANCE);
        Leaderboard board = RegistryClient.leaderboard(Map.of("experiment", experiment, "pretext", "inpainting"));
        assertEquals(0.82, board.byPretext().get(0).rows().get(0).mean(), TOLERANCE,
                "the leaderboard ranks on the figure on all train images");

        JsonNode json = Json.messages().readTree(given().queryParam("experiment", experiment).get("/api/results")
                .then().statusCode(200).extract().asString());
        JsonNode exported = json.get(0).path("trialId").asText().equals(sent.trialId()) ? json.get(0) : json.get(1);
        assertTrue(exported.path("labelFractions").isArray(), exported.toString());
        assertEquals(fractions, Json.messages().convertValue(exported.path("labelFractions"),
                new com.fasterxml.jackson.core.type.TypeReference<List<LabelFractionScores>>() { }));

        String csv = given().queryParams(Map.of("experiment", experiment, "format", "csv")).get("/api/results")
                .then().statusCode(200).extract().asString();
        List<ResultRow> csvRows = readCsv(ResultRow.class, csv);
        ResultRow csvRow = csvRows.stream().filter(row -> row.trialId().equals(sent.trialId())).findFirst()
                .orElseThrow();
        assertEquals(fractions, Json.messages().readValue(csvRow.labelFractions(),
                new com.fasterxml.jackson.core.type.TypeReference<List<LabelFractionScores>>() { }));
        String empty = csvRows.stream().filter(row -> row.trialId().equals(without.trialId())).findFirst()
                .orElseThrow().labelFractions();
        assertTrue(empty == null || empty.isEmpty(), "a trial without fractions has an empty field, got " + empty);
    }

    @Test
    void evaluationsStoredReportedExported() throws IOException {
        String experiment = newExperimentId();
        List<EvaluatorScore> evaluations = List.of(
                new EvaluatorScore("nearest-centroid", "1.0", 0.71, 0.69),
                new EvaluatorScore("broken", "0.1", null, null));
        TrialResult plain = result(experiment, config(nonce, DATASET, "inpainting", "l2", 7), 0.82, 0.79, 0.7, 0.6);
        TrialResult sent = new TrialResult(experiment, plain.trialId(), 1, plain.config(), 0.82, 0.79, 0.7, 0.6,
                0.01, 1, 1, "w", "cpu", plain.finishedAt(), List.of(), 0.83, 0.8, null, evaluations);
        TrialResult without = result(experiment, config(nonce, DATASET, "denoising", "l1", 7), 0.8, 0.7, 0.7, 0.6);
        publisher.send(sent);
        publisher.send(without);
        awaitCount(experiment, 2);

        assertEquals(evaluations, RegistryClient.trial(sent.trialId()).evaluations());
        assertNull(RegistryClient.trial(without.trialId()).evaluations());

        JsonNode report = reportJson(experiment);
        JsonNode rows = report.path("evaluations");
        assertEquals(2, rows.size(), report.toString());
        JsonNode broken = rows.get(0);
        assertEquals(sent.trialId(), broken.path("trialId").asText());
        assertEquals("broken", broken.path("name").asText(), "rows sorted by evaluator name within a trial");
        assertTrue(broken.path("testAccuracy").isNull(), broken.toString());
        assertTrue(broken.path("validationAccuracy").isNull(), broken.toString());
        JsonNode centroid = rows.get(1);
        assertEquals("nearest-centroid", centroid.path("name").asText());
        assertEquals("1.0", centroid.path("version").asText());
        assertEquals("inpainting", centroid.path("pretext").asText());
        assertEquals(7, centroid.path("seed").asLong());
        assertEquals(0.71, centroid.path("validationAccuracy").asDouble(), TOLERANCE);
        assertEquals(0.69, centroid.path("testAccuracy").asDouble(), TOLERANCE);
        Leaderboard board = RegistryClient.leaderboard(Map.of("experiment", experiment, "pretext", "inpainting"));
        assertEquals(0.82, board.byPretext().get(0).rows().get(0).mean(), TOLERANCE,
                "the leaderboard ranks on the linear probe");

        TypeReference<List<EvaluatorScore>> scores = new TypeReference<>() { };
        JsonNode json = Json.messages().readTree(given().queryParam("experiment", experiment).get("/api/results")
                .then().statusCode(200).extract().asString());
        JsonNode exported = json.get(0).path("trialId").asText().equals(sent.trialId()) ? json.get(0) : json.get(1);
        assertTrue(exported.path("evaluations").isArray(), exported.toString());
        assertEquals(evaluations, Json.messages().convertValue(exported.path("evaluations"), scores));

        String csv = given().queryParams(Map.of("experiment", experiment, "format", "csv")).get("/api/results")
                .then().statusCode(200).extract().asString();
        List<ResultRow> csvRows = readCsv(ResultRow.class, csv);
        ResultRow csvRow = csvRows.stream().filter(row -> row.trialId().equals(sent.trialId())).findFirst()
                .orElseThrow();
        assertEquals(evaluations, Json.messages().readValue(csvRow.evaluations(), scores));
        String empty = csvRows.stream().filter(row -> row.trialId().equals(without.trialId())).findFirst()
                .orElseThrow().evaluations();
        assertTrue(empty == null || empty.isEmpty(), "a trial without evaluations has an empty field, got " + empty);
    }

    @Test
    void resultsCsvParsesBack() throws IOException {
        String experiment = newExperimentId();
        TrialConfig trialConfig = config(nonce, DATASET, "inpainting", "huber(delta=0.1)", 5);
        TrialResult sent = result(experiment, trialConfig, 0.83, 0.72, 0.79, 0.61);
        publisher.send(sent);
        publisher.send(result(experiment, config(nonce, DATASET, "denoising", "l2", 5), 0.81, 0.7, 0.79, 0.61));
        awaitCount(experiment, 2);

        String csv = given().queryParams(Map.of("experiment", experiment, "pretext", "inpainting", "format", "csv"))
                .get("/api/results").then().statusCode(200).contentType(startsWith(Csv.MEDIA_TYPE))
                .extract().asString();
        List<ResultRow> rows = readCsv(ResultRow.class, csv);

        assertEquals(1, rows.size(), csv);
        ResultRow row = rows.get(0);
        assertEquals(sent.trialId(), row.trialId());
        assertEquals("huber(delta=0.1)", row.loss());
        assertEquals(5, row.seed());
        assertEquals(trialConfig.training().epochs(), row.epochs());
        assertEquals(trialConfig.training().learningRate(), row.learningRate(), TOLERANCE);
        assertEquals(10_000L, row.trainingImages());
        assertEquals(trialConfig.probe().knnK(), row.knnK());
        assertEquals(0.83, row.linearProbeAccuracy(), TOLERANCE);
        assertNull(row.validationLinearProbeAccuracy(), "an empty field reads back as null");
        assertEquals(sent.finishedAt(), row.finishedAt());
        assertEquals(experiment, row.experimentIds());

        JsonNode json = Json.messages().readTree(given().queryParam("experiment", experiment).get("/api/results")
                .then().statusCode(200).extract().asString());
        assertEquals(2, json.size());
        assertEquals(Set.of("inpainting", "denoising"),
                Set.of(json.get(0).path("pretext").asText(), json.get(1).path("pretext").asText()));
    }

    @Test
    void leaderboardCsvParsesBack() throws IOException {
        String experiment = newExperimentId();
        for (long seed = 1; seed <= 3; seed++) {
            publisher.send(result(experiment, config(nonce, DATASET, "inpainting", "l2", seed), 0.80 + seed / 100.0,
                    0.7, 0.7, 0.6));
            publisher.send(result(experiment, config(nonce, DATASET, "inpainting", "l1", seed), 0.79 + seed / 90.0,
                    0.7, 0.7, 0.6));
        }
        awaitCount(experiment, 6);

        Leaderboard board = RegistryClient.leaderboard(Map.of("experiment", experiment));
        String csv = given().queryParams(Map.of("experiment", experiment, "format", "csv")).get("/api/leaderboard")
                .then().statusCode(200).contentType(startsWith(Csv.MEDIA_TYPE)).extract().asString();
        List<LeaderboardCsvRow> rows = readCsv(LeaderboardCsvRow.class, csv);

        List<LeaderboardCsvRow> pretextRows = rows.stream()
                .filter(row -> LeaderboardCsvRow.PRETEXT.equals(row.table())).toList();
        assertEquals(2, pretextRows.size(), csv);
        for (int i = 0; i < 2; i++) {
            LeaderboardRow expected = board.byPretext().get(0).rows().get(i);
            assertEquals(expected.loss(), pretextRows.get(i).loss());
            assertEquals(expected.mean(), pretextRows.get(i).mean(), TOLERANCE);
            assertEquals(expected.leader(), pretextRows.get(i).leader());
            assertEquals(expected.tiedWithLeader(), pretextRows.get(i).tiedWithLeader());
        }
        assertNull(pretextRows.get(0).pValue(), "the leader has no comparison");
        assertEquals(board.byPretext().get(0).rows().get(1).vsLeader().pValue(), pretextRows.get(1).pValue(),
                TOLERANCE);
        assertEquals(board.meanRanks().size(),
                rows.stream().filter(row -> LeaderboardCsvRow.MEAN_RANK.equals(row.table())).count());

        String reportCsv = given().queryParam("format", "csv").get("/api/experiments/{id}/report", experiment)
                .then().statusCode(200).extract().asString();
        assertEquals(rows.size(), readCsv(LeaderboardCsvRow.class, reportCsv).size());
    }

    @Test
    void reportWithoutOrchestrator() {
        String experiment = newExperimentId();
        publisher.send(result(experiment, config(nonce, DATASET, "inpainting", "l2", 1), 0.84, 0.74, 0.8, 0.6));
        publisher.send(result(experiment, config(nonce, DATASET, "denoising", "l2", 1), 0.86, 0.74, 0.8, 0.6));
        awaitCount(experiment, 2);

        JsonNode report = reportJson(experiment);
        assertEquals(experiment, report.path("experimentId").asText());
        assertTrue(report.path("decisions").isNull(), report.toString());
        assertTrue(report.path("decisionsError").asText().contains("could not be reached"),
                report.path("decisionsError").asText());
        assertEquals(2, report.path("winnersByPretext").size());
        assertEquals("l2", report.path("overallWinner").path("loss").asText());
        assertEquals(2, report.path("counts").path("ran").asInt());
        assertEquals(2, report.path("leaderboard").path("resultCount").asInt());
    }

    @Test
    void invalidQueriesRejected() {
        given().queryParam("pretxt", "inpainting").get("/api/leaderboard").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("field", equalTo("pretxt"))
                .body("detail", containsString("pretext"));
        given().queryParam("pretext", "jigsaw").get("/api/leaderboard").then().statusCode(400)
                .body("value", equalTo("jigsaw"))
                .body("detail", containsString("inpainting"));
        given().queryParam("budget", "-5").get("/api/leaderboard").then().statusCode(400)
                .body("field", equalTo("budget"))
                .body("value", equalTo("-5"));
        given().queryParam("budget", "lots").get("/api/results").then().statusCode(400)
                .body("field", equalTo("budget"));
        given().queryParam("format", "xml").get("/api/leaderboard").then().statusCode(400)
                .body("detail", containsString("csv"));
        given().queryParam("experiment", "e-x").get("/api/experiments/{id}/report", "e-x").then().statusCode(400)
                .body("field", equalTo("experiment"));
    }

    @Test
    void budgetAndEncoderFilters() {
        String experiment = newExperimentId();
        TrialConfig small = config(nonce, DATASET, "inpainting", "l2", 1);
        TrialConfig large = new TrialConfig(small.dataset(), small.encoder(), small.pretext(), small.loss(), 1,
                new TrainingSpec(3, 128, 1e-3, 10_000), small.probe());
        publisher.send(result(experiment, small, 0.80, 0.7, 0.7, 0.6));
        publisher.send(result(experiment, large, 0.85, 0.7, 0.7, 0.6));
        awaitCount(experiment, 2);

        Leaderboard both = RegistryClient.leaderboard(Map.of("experiment", experiment));
        assertEquals(2, both.overall().size(), "the same loss at two budgets is two rows");
        Leaderboard budget = RegistryClient.leaderboard(Map.of("experiment", experiment, "budget", "30000"));
        assertEquals(1, budget.resultCount());
        assertEquals(0.85, budget.overall().get(0).mean(), TOLERANCE);
        assertEquals(30_000L, budget.filters().budget());
        Leaderboard encoder = RegistryClient.leaderboard(Map.of("experiment", experiment, "encoder", "other"));
        assertEquals(0, encoder.resultCount());
    }

    private static <T> List<T> readCsv(Class<T> type, String csv) throws IOException {
        try (MappingIterator<T> rows = Csv.mapper().readerFor(type).with(Csv.schema(type)).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static JsonNode reportJson(String experiment) {
        try {
            return Json.messages().readTree(given().get("/api/experiments/{id}/report", experiment).then()
                    .statusCode(200).extract().asString());
        }
        catch (IOException e) {
            throw new AssertionError("report is not JSON", e);
        }
    }

    private static void awaitCount(String experimentId, int count) {
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> RegistryClient.experimentResults(experimentId).count() >= count);
        assertEquals(count, RegistryClient.experimentResults(experimentId).count());
    }

    private static void awaitLinks(String experimentId, int count) {
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> countRows(
                "SELECT COUNT(*) FROM result_link WHERE experiment_id = ?", experimentId) >= count);
    }

    private static int countRows(String sql, String parameter) throws SQLException {
        try (Connection connection = Arc.container().instance(ActiveDataSource.class).get().get().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
