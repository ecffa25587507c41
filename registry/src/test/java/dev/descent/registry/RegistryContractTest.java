package dev.descent.registry;

import static dev.descent.registry.RegistryClient.DUPLICATE;
import static dev.descent.registry.RegistryClient.LINKED;
import static dev.descent.registry.RegistryClient.STORED;
import static dev.descent.registry.RegistryClient.metricSum;
import static dev.descent.registry.TestResults.config;
import static dev.descent.registry.TestResults.newExperimentId;
import static dev.descent.registry.TestResults.result;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialResult;
import dev.descent.model.trial.TrialConfig;
import dev.descent.registry.api.ExperimentResults;
import dev.descent.registry.rank.BaselineRow;
import dev.descent.registry.rank.Leaderboard;
import dev.descent.registry.rank.LeaderboardRow;
import dev.descent.registry.rank.PretextLeaderboard;
import dev.descent.registry.store.ActiveDataSource;
import dev.descent.registry.store.StoredResult;
import io.quarkus.arc.Arc;

/**
 * The registry's behaviour end to end: results go through a real Kafka broker into the active database and come back
 * over REST. Subclasses run it against H2 and against PostgreSQL.
 */
abstract class RegistryContractTest {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    private static final double TOLERANCE = 1e-12;
    private static final String DATASET = "fashion-mnist";

    private ResultPublisher publisher;
    private String nonce;

    /** Returns the start of the JDBC URL that the active datasource must have under this test's profile. */
    abstract String expectedJdbcUrlPrefix();

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
    void activeDatasourceMatchesProfile() {
        String url = Arc.container().instance(ActiveDataSource.class).get().get().getConfiguration()
                .connectionPoolConfiguration().connectionFactoryConfiguration().jdbcUrl();
        assertTrue(url.startsWith(expectedJdbcUrlPrefix()), "active datasource URL " + url);
    }

    @Test
    void leaderboardMatchesIndependentStatistics() {
        String experiment = newExperimentId();
        // pretext, loss, seed, linear probe, kNN, random-encoder linear probe, random-encoder kNN
        Object[][] table = {
                {"inpainting", "l2", 1L, 0.80, 0.70, 0.78, 0.60},
                {"inpainting", "l2", 2L, 0.82, 0.71, 0.79, 0.61},
                {"inpainting", "l2", 3L, 0.84, 0.75, 0.77, 0.62},
                {"inpainting", "l1", 1L, 0.85, 0.72, 0.78, 0.60},
                {"inpainting", "l1", 2L, 0.86, 0.74, 0.79, 0.61},
                {"denoising", "l2", 1L, 0.91, 0.81, 0.80, 0.63},
                {"denoising", "l2", 2L, 0.93, 0.83, 0.81, 0.64},
                {"denoising", "l1", 1L, 0.88, 0.77, 0.80, 0.63},
        };
        List<TrialResult> sent = new ArrayList<>();
        for (Object[] row : table) {
            TrialConfig trialConfig = config(nonce, DATASET, (String) row[0], (String) row[1], (Long) row[2]);
            TrialResult trialResult = result(experiment, trialConfig, (double) row[3], (double) row[4],
                    (double) row[5], (double) row[6]);
            publisher.send(trialResult);
            sent.add(trialResult);
        }
        awaitResultCount(experiment, table.length);

        Leaderboard board = RegistryClient.leaderboard(Map.of("experiment", experiment));
        assertEquals("linearProbeAccuracy", board.metric());
        assertEquals(experiment, board.filters().experiment());
        assertEquals(table.length, board.resultCount());

        // Overall: l1 pools 0.85, 0.86, 0.88 (mean 0.8633) and beats l2's 0.80 ... 0.93 (mean 0.86).
        assertEquals(2, board.overall().size());
        assertRow(board.overall().get(0), 1, "l1", select(sent, null, "l1"));
        assertRow(board.overall().get(1), 2, "l2", select(sent, null, "l2"));

        // Per pretext: l1 wins inpainting, l2 wins denoising; pretext tasks are sorted by name.
        assertEquals(2, board.byPretext().size());
        PretextLeaderboard denoising = board.byPretext().get(0);
        assertEquals("denoising", denoising.pretext());
        assertRow(denoising.rows().get(0), 1, "l2", select(sent, "denoising", "l2"));
        assertRow(denoising.rows().get(1), 2, "l1", select(sent, "denoising", "l1"));
        PretextLeaderboard inpainting = board.byPretext().get(1);
        assertEquals("inpainting", inpainting.pretext());
        assertRow(inpainting.rows().get(0), 1, "l1", select(sent, "inpainting", "l1"));
        assertRow(inpainting.rows().get(1), 2, "l2", select(sent, "inpainting", "l2"));

        // A single seed has no sample standard deviation.
        assertNull(denoising.rows().get(1).std());
        assertNull(denoising.rows().get(1).knnStd());
    }

    @Test
    void duplicateDeliveryStoredOnce() throws SQLException {
        String experiment = newExperimentId();
        TrialResult first = result(experiment, config(nonce, DATASET, "inpainting", "l2", 7), 0.81, 0.71, 0.78, 0.6);
        TrialResult retried = new TrialResult(experiment, first.trialId(), 2, first.config(), 0.55, 0.50, 0.78, 0.6,
                0.02, 40.0, 400.0, "worker-other", "CPU (test)", first.finishedAt(), List.of());
        TrialResult sentinel = result(experiment, config(nonce, DATASET, "inpainting", "l2", 8), 0.8, 0.7, 0.7, 0.6);

        publisher.send(first);
        publisher.send(first);
        publisher.send(retried);
        publisher.send(sentinel);
        awaitStored(sentinel.trialId());

        assertEquals(1, countRows("SELECT COUNT(*) FROM trial_result WHERE trial_id = ?", first.trialId()));
        assertEquals(1, countRows("SELECT COUNT(*) FROM experiment_trial WHERE trial_id = ?", first.trialId()));
        StoredResult stored = RegistryClient.trial(first.trialId());
        assertEquals(1, stored.attempt(), "the first stored delivery wins");
        assertEquals(0.81, stored.linearProbeAccuracy(), TOLERANCE);
        assertEquals("worker-test", stored.workerId());
        assertEquals(List.of(experiment), stored.experimentIds());
        assertEquals(2, RegistryClient.experimentResults(experiment).count());
    }

    @Test
    void oneBatchKeepsFirstResult() throws Exception {
        String experiment = newExperimentId();
        String other = newExperimentId();
        TrialResult first = result(experiment, config(nonce, DATASET, "denoising", "l2", 11), 0.83, 0.73, 0.78, 0.6);
        TrialResult retried = new TrialResult(experiment, first.trialId(), 2, first.config(), 0.55, 0.50, 0.78, 0.6,
                0.02, 40.0, 400.0, "worker-other", "CPU (test)", first.finishedAt(), List.of());
        TrialResult reused = new TrialResult(other, first.trialId(), 1, first.config(), 0.60, 0.50, 0.78, 0.6,
                0.02, 40.0, 400.0, "worker-other", "CPU (test)", first.finishedAt(), List.of());
        TrialResult second = result(experiment, config(nonce, DATASET, "denoising", "l2", 12), 0.8, 0.7, 0.7, 0.6);
        List<String[]> records = new ArrayList<>();
        for (TrialResult result : List.of(first, retried, reused)) {
            records.add(new String[] {result.trialId(), Json.messages().writeValueAsString(result)});
        }
        records.add(new String[] {"t-garbage", "not JSON {"});
        records.add(new String[] {second.trialId(), Json.messages().writeValueAsString(second)});

        publisher.sendTogether(records);
        awaitResultCount(experiment, 2);
        awaitResultCount(other, 1);

        assertEquals(1, countRows("SELECT COUNT(*) FROM trial_result WHERE trial_id = ?", first.trialId()));
        assertEquals(2, countRows("SELECT COUNT(*) FROM experiment_trial WHERE trial_id = ?", first.trialId()));
        StoredResult stored = RegistryClient.trial(first.trialId());
        assertEquals(1, stored.attempt(), "the first result of the trial in the batch wins");
        assertEquals(0.83, stored.linearProbeAccuracy(), TOLERANCE);
        assertEquals(List.of(experiment, other).stream().sorted().toList(), stored.experimentIds());
        assertEquals(0.8, RegistryClient.trial(second.trialId()).linearProbeAccuracy(), TOLERANCE);
    }

    @Test
    void concurrentConsumersStoreEachTrialOnce() throws Exception {
        // Each trial goes to partition i % 3 for one experiment and to partition 3 + i % 3 for the other, so with
        // two consumers in the group its two deliveries usually reach different consumers and can race. Whether they
        // overlapped is not checked, only that every trial ends as one stored result and one link.
        double storedBefore = metricSum(STORED);
        double linkedBefore = metricSum(LINKED);
        double duplicateBefore = metricSum(DUPLICATE);
        String experiment = newExperimentId();
        String other = newExperimentId();
        int trials = 90;
        List<String[]> records = new ArrayList<>();
        List<String> trialIds = new ArrayList<>();
        for (int seed = 0; seed < trials; seed++) {
            TrialConfig shared = config(nonce, DATASET, "denoising", "huber", seed);
            TrialResult mine = result(experiment, shared, 0.8, 0.7, 0.7, 0.6);
            TrialResult theirs = result(other, shared, 0.6, 0.5, 0.7, 0.6);
            trialIds.add(mine.trialId());
            records.add(new String[] {mine.trialId(), Json.messages().writeValueAsString(mine)});
            records.add(new String[] {theirs.trialId(), Json.messages().writeValueAsString(theirs)});
        }

        publisher.sendTogether(records, index -> index % 2 * 3 + index / 2 % 3);
        awaitResultCount(experiment, trials);
        awaitResultCount(other, trials);

        assertTrue(consumersInGroup() >= 2, "the results channel runs with concurrency 2");
        for (String trialId : trialIds) {
            assertEquals(1, countRows("SELECT COUNT(*) FROM trial_result WHERE trial_id = ?", trialId), trialId);
            assertEquals(2, countRows("SELECT COUNT(*) FROM experiment_trial WHERE trial_id = ?", trialId), trialId);
        }
        assertEquals(storedBefore + trials, metricSum(STORED), "one delivery of each trial is stored");
        assertEquals(linkedBefore + trials, metricSum(LINKED), "the other delivery is linked");
        assertEquals(duplicateBefore, metricSum(DUPLICATE), "no delivery is counted as a duplicate");
    }

    @Test
    void laterExperimentIsLinked() {
        String earlier = newExperimentId();
        String later = newExperimentId();
        TrialConfig shared = config(nonce, DATASET, "denoising", "l1", 3);
        publisher.send(result(earlier, shared, 0.84, 0.74, 0.80, 0.62));
        publisher.send(result(later, shared, 0.70, 0.60, 0.80, 0.62));
        awaitResultCount(later, 1);

        StoredResult stored = RegistryClient.trial(result(earlier, shared, 0, 0, 0, 0).trialId());
        assertEquals(earlier, stored.experimentId());
        assertEquals(0.84, stored.linearProbeAccuracy(), TOLERANCE);
        assertEquals(List.of(earlier, later).stream().sorted().toList(), stored.experimentIds());
        assertEquals(1, RegistryClient.experimentResults(earlier).count());

        Leaderboard laterBoard = RegistryClient.leaderboard(Map.of("experiment", later));
        assertEquals(1, laterBoard.resultCount());
        assertEquals(0.84, laterBoard.overall().get(0).mean(), TOLERANCE);
    }

    @Test
    void invalidRecordsSkipped() {
        String experiment = newExperimentId();
        TrialResult outOfRange = result(experiment, config(nonce, DATASET, "inpainting", "l1", 1), 1.5, 0.7, 0.7, 0.6);
        TrialResult negative = result(experiment, config(nonce, DATASET, "inpainting", "l1", 2), 0.8, -0.1, 0.7, 0.6);
        TrialResult good = result(experiment, config(nonce, DATASET, "inpainting", "l1", 3), 0.8, 0.7, 0.7, 0.6);

        publisher.sendRaw("t-garbage", "this is not JSON {");
        publisher.sendRaw("t-tombstone", null);
        publisher.sendRaw("t-array", "[1, 2, 3]");
        publisher.sendRaw("t-no-id", "{\"experimentId\":\"" + experiment + "\",\"linearProbeAccuracy\":0.5}");
        publisher.sendRaw(good.trialId(), withoutField(good, "knnAccuracy"));
        publisher.send(outOfRange);
        publisher.send(negative);
        publisher.send(good);
        awaitStored(good.trialId());

        ExperimentResults stored = RegistryClient.experimentResults(experiment);
        assertEquals(1, stored.count());
        assertEquals(good.trialId(), stored.results().get(0).trialId());
        assertEquals(0.7, stored.results().get(0).knnAccuracy(), TOLERANCE, "the valid delivery was stored");
        given().when().get("/api/trials/{id}", outOfRange.trialId()).then().statusCode(404);
        given().when().get("/api/trials/{id}", negative.trialId()).then().statusCode(404);
    }

    @Test
    void unknownTrialReturnsProblem() {
        String id = "t-0000000000000000";
        given().when().get("/api/trials/{id}", id)
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("type", equalTo("urn:descent:problem:trial-not-found"))
                .body("title", equalTo("Trial not found"))
                .body("detail", containsString(id))
                .body("field", equalTo("id"))
                .body("value", equalTo(id))
                .body("instance", equalTo("/api/trials/" + id))
                .body("fix", containsString("/api/experiments/{id}/results"));
    }

    @Test
    void unknownExperimentHasNoResults() {
        ExperimentResults results = RegistryClient.experimentResults(newExperimentId());
        assertEquals(0, results.count());
        assertTrue(results.results().isEmpty());
    }

    @Test
    void baselinesShowInEveryView() {
        String experiment = newExperimentId();
        for (long seed = 1; seed <= 3; seed++) {
            double offset = seed / 100.0;
            publisher.send(result(experiment, config(nonce, DATASET, "inpainting", "l2", seed), 0.82 + offset, 0.7,
                    0.7, 0.6));
            publisher.send(result(experiment, config(nonce, DATASET, "baseline", "random-encoder", seed),
                    0.80 + offset, 0.6, 0.80 + offset, 0.6));
        }
        publisher.send(result(experiment, config(nonce, DATASET, "baseline", "supervised", 1), 0.88, 0.85, 0.7, 0.6));
        awaitResultCount(experiment, 7);

        Leaderboard board = RegistryClient.leaderboard(Map.of("experiment", experiment));
        assertEquals(3, board.resultCount());
        assertEquals(List.of("random-encoder", "supervised"),
                board.baselines().stream().map(BaselineRow::baseline).toList());
        assertEquals(0.82, board.baselines().get(0).mean(), TOLERANCE);
        assertEquals(1, board.baselines().get(1).n());
        LeaderboardRow l2 = board.overall().get(0);
        assertEquals(0.02, l2.gainOverRandom(), TOLERANCE);
        assertEquals("paired", l2.gainMethod());
        assertEquals(Boolean.TRUE, l2.beatsRandom(), "every seed gains 0.02");

        Leaderboard byPretext = RegistryClient.leaderboard(Map.of("experiment", experiment, "pretext", "inpainting"));
        assertEquals(2, byPretext.baselines().size(), "a pretext filter keeps the baselines");
        assertEquals(0.02, byPretext.overall().get(0).gainOverRandom(), TOLERANCE);

        Leaderboard otherDataset = RegistryClient.leaderboard(Map.of("experiment", experiment, "dataset", "mnist"));
        assertTrue(otherDataset.baselines().isEmpty());
    }

    @Test
    void filtersSelectResults() {
        String experiment = newExperimentId();
        String other = newExperimentId();
        publisher.send(result(experiment, config(nonce, DATASET, "inpainting", "l2", 1), 0.80, 0.7, 0.7, 0.6));
        publisher.send(result(experiment, config(nonce, DATASET, "denoising", "l2", 1), 0.90, 0.8, 0.7, 0.6));
        publisher.send(result(experiment, config(nonce, "mnist", "inpainting", "l2", 1), 0.60, 0.5, 0.7, 0.6));
        publisher.send(result(other, config(nonce, DATASET, "inpainting", "l1", 9), 0.99, 0.9, 0.7, 0.6));
        awaitResultCount(experiment, 3);
        awaitResultCount(other, 1);

        Leaderboard byDataset = RegistryClient.leaderboard(Map.of("experiment", experiment, "dataset", DATASET));
        assertEquals(2, byDataset.resultCount());
        assertEquals(0.85, byDataset.overall().get(0).mean(), TOLERANCE);
        assertEquals(DATASET, byDataset.filters().dataset());

        Leaderboard byPretext = RegistryClient.leaderboard(Map.of("experiment", experiment, "pretext", "inpainting"));
        assertEquals(2, byPretext.resultCount());
        // A configuration includes its dataset, so each dataset gets its own row and its own pretext table.
        assertEquals(List.of(0.80, 0.60), byPretext.overall().stream().map(LeaderboardRow::mean).toList());
        assertEquals(List.of("l2 [fashion-mnist]", "l2 [mnist]"),
                byPretext.overall().stream().map(LeaderboardRow::label).toList());
        assertEquals(2, byPretext.byPretext().size());
        assertEquals("inpainting", byPretext.byPretext().get(0).pretext());
        assertEquals(DATASET, byPretext.byPretext().get(0).dataset());
        assertEquals("mnist", byPretext.byPretext().get(1).dataset());

        Leaderboard combined = RegistryClient.leaderboard(
                Map.of("experiment", experiment, "dataset", "mnist", "pretext", "inpainting"));
        assertEquals(1, combined.resultCount());
        assertEquals(0.60, combined.overall().get(0).mean(), TOLERANCE);

        Leaderboard otherBoard = RegistryClient.leaderboard(Map.of("experiment", other));
        assertEquals(1, otherBoard.resultCount());
        assertEquals("l1", otherBoard.overall().get(0).loss());

        Leaderboard empty = RegistryClient.leaderboard(Map.of("experiment", experiment, "pretext", "denoising",
                "dataset", "mnist"));
        assertEquals(0, empty.resultCount());
        assertTrue(empty.overall().isEmpty());
        assertTrue(empty.byPretext().isEmpty());

        Leaderboard blankIgnored = RegistryClient.leaderboard(Map.of("experiment", experiment, "dataset", " "));
        assertEquals(3, blankIgnored.resultCount());
        assertNull(blankIgnored.filters().dataset());

        Leaderboard unfiltered = RegistryClient.leaderboard(Map.of());
        assertTrue(unfiltered.resultCount() >= 4, "unfiltered leaderboard counts " + unfiltered.resultCount());
    }

    @Test
    void overlongFilterRejected() {
        String value = "x".repeat(201);
        given().queryParam("dataset", value).when().get("/api/leaderboard")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("field", equalTo("dataset"))
                .body("value", equalTo(value))
                .body("fix", containsString("at most 200 characters"));
    }

    @Test
    void trialShowsAllFields() {
        String experiment = newExperimentId();
        TrialResult sent = result(experiment, config(nonce, DATASET, "denoising", "l2", 11), 0.83, 0.73, 0.79, 0.61);
        publisher.send(sent);
        awaitStored(sent.trialId());

        StoredResult stored = RegistryClient.trial(sent.trialId());
        assertEquals(sent.experimentId(), stored.experimentId());
        assertEquals(sent.trialId(), stored.trialId());
        assertEquals(sent.attempt(), stored.attempt());
        assertEquals(sent.config(), stored.config());
        assertEquals(sent.linearProbeAccuracy(), stored.linearProbeAccuracy(), TOLERANCE);
        assertEquals(sent.knnAccuracy(), stored.knnAccuracy(), TOLERANCE);
        assertEquals(sent.randomEncoderLinearProbeAccuracy(), stored.randomEncoderLinearProbeAccuracy(), TOLERANCE);
        assertEquals(sent.randomEncoderKnnAccuracy(), stored.randomEncoderKnnAccuracy(), TOLERANCE);
        assertEquals(sent.finalPretextLoss(), stored.finalPretextLoss(), TOLERANCE);
        assertEquals(sent.wallSeconds(), stored.wallSeconds(), TOLERANCE);
        assertEquals(sent.imagesPerSecond(), stored.imagesPerSecond(), TOLERANCE);
        assertEquals(sent.workerId(), stored.workerId());
        assertEquals(sent.backend(), stored.backend());
        assertEquals(sent.finishedAt(), stored.finishedAt());
        assertEquals(sent.lossCurve(), stored.lossCurve());
        assertNotNull(stored.storedAt());
        assertEquals(List.of(experiment), stored.experimentIds());
    }

    @Test
    void missingFinishedAtStored() {
        String experiment = newExperimentId();
        TrialResult base = result(experiment, config(nonce, DATASET, "denoising", "l1", 12), 0.8, 0.7, 0.7, 0.6);
        TrialResult sent = new TrialResult(base.experimentId(), base.trialId(), base.attempt(), base.config(),
                base.linearProbeAccuracy(), base.knnAccuracy(), base.randomEncoderLinearProbeAccuracy(),
                base.randomEncoderKnnAccuracy(), base.finalPretextLoss(), base.wallSeconds(), base.imagesPerSecond(),
                null, null, null, null);
        publisher.send(sent);
        awaitStored(sent.trialId());

        StoredResult stored = RegistryClient.trial(sent.trialId());
        assertNull(stored.finishedAt());
        assertNull(stored.workerId());
        assertNull(stored.backend());
        assertEquals(List.of(), stored.lossCurve());
    }

    private static void assertRow(LeaderboardRow row, int rank, String loss, List<TrialResult> group) {
        double[] linear = group.stream().mapToDouble(TrialResult::linearProbeAccuracy).toArray();
        double[] knn = group.stream().mapToDouble(TrialResult::knnAccuracy).toArray();
        double[] baseline = group.stream().mapToDouble(TrialResult::randomEncoderLinearProbeAccuracy).toArray();
        double[] baselineKnn = group.stream().mapToDouble(TrialResult::randomEncoderKnnAccuracy).toArray();
        String label = "row for " + loss;

        assertEquals(rank, row.rank(), label);
        assertEquals(loss, row.loss(), label);
        assertEquals(group.size(), row.n(), label);
        assertEquals(mean(linear), row.mean(), TOLERANCE, label);
        assertEquals(Arrays.stream(linear).min().orElseThrow(), row.min(), TOLERANCE, label);
        assertEquals(Arrays.stream(linear).max().orElseThrow(), row.max(), TOLERANCE, label);
        assertEquals(mean(knn), row.knnMean(), TOLERANCE, label);
        assertEquals(mean(baseline), row.baselineMean(), TOLERANCE, label);
        assertEquals(mean(linear) - mean(baseline), row.gain(), TOLERANCE, label);
        assertEquals(mean(baselineKnn), row.baselineKnnMean(), TOLERANCE, label);
        assertEquals(mean(knn) - mean(baselineKnn), row.knnGain(), TOLERANCE, label);
        if (group.size() > 1) {
            assertEquals(sampleStd(linear), row.std(), TOLERANCE, label);
            assertEquals(sampleStd(knn), row.knnStd(), TOLERANCE, label);
        }
    }

    private static List<TrialResult> select(List<TrialResult> results, String pretext, String loss) {
        return results.stream()
                .filter(r -> pretext == null || r.config().pretext().equals(pretext))
                .filter(r -> r.config().loss().equals(loss))
                .toList();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Two-pass sample standard deviation with divisor n - 1. */
    private static double sampleStd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static String withoutField(TrialResult result, String field) {
        ObjectNode node = Json.messages().valueToTree(result);
        node.remove(field);
        return node.toString();
    }

    private static void awaitResultCount(String experimentId, int count) {
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> RegistryClient.experimentResults(experimentId).count() >= count);
        assertEquals(count, RegistryClient.experimentResults(experimentId).count());
    }

    private static void awaitStored(String trialId) {
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/api/trials/{id}", trialId).statusCode() == 200);
    }

    /** Returns the number of members in the registry's consumer group for {@code descent.results}. */
    private static int consumersInGroup() throws Exception {
        Config config = ConfigProvider.getConfig();
        String group = config.getValue("mp.messaging.incoming.results.group.id", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getValue("kafka.bootstrap.servers", String.class)))) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS)
                    .members().size();
        }
    }

    private static int countRows(String sql, String trialId) throws SQLException {
        try (Connection connection = Arc.container().instance(ActiveDataSource.class).get().get().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, trialId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
