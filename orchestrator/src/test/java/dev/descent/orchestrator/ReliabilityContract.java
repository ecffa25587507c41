package dev.descent.orchestrator;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.descent.model.message.DeadLetterHeaders;
import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialMessage;
import dev.descent.orchestrator.BadInputCorpus.BadInput;
import dev.descent.orchestrator.support.KafkaClients;
import dev.descent.orchestrator.support.KafkaClients.KeyedValue;
import dev.descent.orchestrator.support.ReliabilitySettings;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Heartbeat timeouts, retries with backoff, cancellation, dead letters, the API token and the bad-input corpus.
 * Subclasses run it on H2 and on PostgreSQL with a heartbeat timeout of 3 s, a retry backoff of 1 s and 3 attempts.
 */
abstract class ReliabilityContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static List<BadInput> badInputs() {
        return BadInputCorpus.all();
    }

    @Test
    void corpusHasAtLeastThirtyCases() {
        assertTrue(badInputs().size() >= 30, "corpus size " + badInputs().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRejected(BadInput input) {
        int before = experimentCount();

        RequestSpecification request = given().config(RestAssured.config().encoderConfig(
                encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (input.contentType() != null) {
            request = request.contentType(input.contentType()).body(input.body());
        }
        if (input.authorization() != null) {
            request = request.header("Authorization", input.authorization());
        }
        Response response = request.urlEncodingEnabled(false).request(input.method(), input.path());

        String body = response.asString();
        assertEquals(input.status(), response.statusCode(), "status; body: " + body);
        assertEquals("application/problem+json", response.contentType().split(";")[0].trim(), "content type");
        JsonPath problem = response.jsonPath();
        assertEquals("urn:descent:problem:" + input.type(), problem.getString("type"), "problem type; body: " + body);
        assertEquals(input.status(), problem.getInt("status"), "status member");
        assertTrue(body.contains(input.message()), "expected '" + input.message() + "' in " + body);
        assertEquals(before, experimentCount(), "a rejected request must not store an experiment");
    }

    @Test
    void readsNeedNoTokenButWritesDo() {
        given().get("/api/experiments").then().statusCode(200);
        given().config(RestAssured.config().encoderConfig(
                        encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/yaml").body(BadInputCorpus.VALID.getBytes(StandardCharsets.UTF_8))
                .post("/api/experiments")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"descent\"");
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void datasetInsideDataRootIsAccepted() {
        String path = ReliabilitySettings.DATA_ROOT.resolve("fashion-mnist").toString();
        String yaml = BadInputCorpus.VALID.replace("dataset: fashion-mnist",
                "dataset:\n  name: fashion-mnist\n  path: " + path);
        submit(yaml).then().body("datasetPath", org.hamcrest.Matchers.equalTo(path));
    }

    @Test
    void silentRunningTrialIsRequeued() {
        JsonPath submitted = submit(BadInputCorpus.VALID).jsonPath();
        String id = submitted.getString("id");
        String trialId = submitted.getString("trials[0].trialId");

        send(event(id, trialId, 1, TrialEvent.Type.STARTED, null));
        awaitTrial(id, trialId, trial -> "RUNNING".equals(trial.get("state")));

        // No further event: after the 3 s heartbeat timeout the reaper publishes attempt 2.
        Map<String, Object> requeued = awaitTrial(id, trialId, trial -> ((Number) trial.get("attempt")).intValue() == 2);
        assertEquals("QUEUED", requeued.get("state"));
        assertTrue(requeued.get("error").toString().contains("no event from worker worker-a"), requeued.toString());
        TrialMessage message = trialMessage(id, trialId, 2);
        assertEquals(2, message.attempt());

        // Late events of the superseded attempt do not move it back, but its DONE counts.
        send(event(id, trialId, 1, TrialEvent.Type.HEARTBEAT, null),
                event(id, trialId, 1, TrialEvent.Type.PROGRESS, null));
        sleep(1_000);
        assertEquals("QUEUED", trial(view(id), trialId).get("state"));
        send(event(id, trialId, 1, TrialEvent.Type.DONE, null));
        Map<String, Object> done = awaitTrial(id, trialId, trial -> "DONE".equals(trial.get("state")));
        assertEquals(2, done.get("attempt"));
        assertEquals("DONE", view(id).getString("state"));
    }

    @Test
    void heartbeatsKeepTrialRunning() {
        JsonPath submitted = submit(BadInputCorpus.VALID).jsonPath();
        String id = submitted.getString("id");
        String trialId = submitted.getString("trials[0].trialId");

        send(event(id, trialId, 1, TrialEvent.Type.STARTED, null));
        long end = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        while (System.nanoTime() < end) {
            send(event(id, trialId, 1, TrialEvent.Type.HEARTBEAT, null));
            sleep(1_000);
        }
        Map<String, Object> trial = trial(view(id), trialId);
        assertEquals("RUNNING", trial.get("state"));
        assertEquals(1, trial.get("attempt"));
    }

    @Test
    void failedAttemptsRetryWithBackoffThenFail() {
        JsonPath submitted = submit(BadInputCorpus.VALID).jsonPath();
        String id = submitted.getString("id");
        String trialId = submitted.getString("trials[0].trialId");

        for (int attempt = 1; attempt <= 2; attempt++) {
            int current = attempt;
            send(event(id, trialId, attempt, TrialEvent.Type.STARTED, null));
            long failedAt = System.nanoTime();
            send(event(id, trialId, attempt, TrialEvent.Type.FAILED, "boom " + attempt));
            Map<String, Object> retrying = awaitTrial(id, trialId, trial -> "RETRYING".equals(trial.get("state"))
                    || ((Number) trial.get("attempt")).intValue() > current);
            assertEquals("boom " + attempt, retrying.get("error"));
            awaitTrial(id, trialId, trial -> ((Number) trial.get("attempt")).intValue() == current + 1);
            double waitedSeconds = (System.nanoTime() - failedAt) / 1e9;
            // Backoff: 1 s after the first failure, 2 s after the second.
            double backoff = Math.pow(2, attempt - 1);
            assertTrue(waitedSeconds >= backoff - 0.1, "re-queued after " + waitedSeconds + " s, backoff " + backoff);
            assertEquals(attempt + 1, trialMessage(id, trialId, attempt + 1).attempt());
        }

        send(event(id, trialId, 3, TrialEvent.Type.STARTED, null),
                event(id, trialId, 3, TrialEvent.Type.FAILED, "boom 3"));
        Map<String, Object> failed = awaitTrial(id, trialId, trial -> "FAILED".equals(trial.get("state")));
        assertEquals(3, failed.get("attempt"));
        assertEquals("boom 3", failed.get("error"));
        sleep(2_500);
        assertEquals("FAILED", trial(view(id), trialId).get("state"), "no fourth attempt");
        assertEquals("FAILED", view(id).getString("state"));
    }

    @Test
    void cancelStopsExperimentAndTellsWorkers() {
        String twoTrials = BadInputCorpus.VALID.replace("seeds: [1]", "seeds: [1, 2]");
        JsonPath submitted = submit(twoTrials).jsonPath();
        String id = submitted.getString("id");
        String running = submitted.getString("trials[0].trialId");
        send(event(id, running, 1, TrialEvent.Type.STARTED, null));
        awaitTrial(id, running, trial -> "RUNNING".equals(trial.get("state")));

        JsonPath cancelled = given().header("Authorization", BadInputCorpus.bearer())
                .post("/api/experiments/" + id + "/cancel")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals("CANCELLED", cancelled.getString("state"));
        assertEquals(2, cancelled.getInt("cancelled"));
        assertEquals(List.of("CANCELLED", "CANCELLED"), cancelled.getList("trials.state"));

        List<ConsumerRecord<String, String>> control = KafkaClients.readMatching(bootstrapServers, Topics.CONTROL,
                record -> id.equals(record.key()), 1, WAIT);
        assertEquals(1, control.size(), "control record for " + id);
        assertEquals(Topics.CONTROL_CANCELLED, control.get(0).value());

        // A heartbeat from the stopping worker does not revive the trial; cancelling again is harmless.
        send(event(id, running, 1, TrialEvent.Type.HEARTBEAT, null));
        sleep(1_000);
        assertEquals("CANCELLED", trial(view(id), running).get("state"));
        given().header("Authorization", BadInputCorpus.bearer()).post("/api/experiments/" + id + "/cancel")
                .then().statusCode(200);
    }

    @Test
    void cancelFinishedExperimentReturns409() {
        JsonPath submitted = submit(BadInputCorpus.VALID).jsonPath();
        String id = submitted.getString("id");
        String trialId = submitted.getString("trials[0].trialId");
        send(event(id, trialId, 1, TrialEvent.Type.DONE, null));
        awaitTrial(id, trialId, trial -> "DONE".equals(trial.get("state")));

        given().header("Authorization", BadInputCorpus.bearer()).post("/api/experiments/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:descent:problem:experiment-finished"));
    }

    @Test
    void poisonEventsGoToDeadLetterTopic() {
        JsonPath submitted = submit(BadInputCorpus.VALID).jsonPath();
        String id = submitted.getString("id");
        String trialId = submitted.getString("trials[0].trialId");
        String marker = "poison-" + System.nanoTime();

        KafkaClients.sendEvents(bootstrapServers, List.of(
                new KeyedValue(marker, "{not json"),
                new KeyedValue(marker, "{\"experimentId\":\"" + id + "\",\"trialId\":\"" + trialId
                        + "\",\"attempt\":1,\"type\":\"EXPLODED\"}"),
                new KeyedValue(marker, "{\"experimentId\":\"" + id + "\"}"),
                event(id, trialId, 1, TrialEvent.Type.STARTED, null)));
        awaitTrial(id, trialId, trial -> "RUNNING".equals(trial.get("state")));

        List<ConsumerRecord<String, String>> dead = KafkaClients.readMatching(bootstrapServers, Topics.DEAD_LETTER,
                record -> marker.equals(record.key()), 3, WAIT);
        assertEquals(3, dead.size(), "dead letters");
        assertEquals("{not json", dead.get(0).value());
        assertTrue(header(dead.get(0), DeadLetterHeaders.REASON).startsWith("invalid JSON"));
        assertTrue(header(dead.get(1), DeadLetterHeaders.REASON).contains("EXPLODED"),
                header(dead.get(1), DeadLetterHeaders.REASON));
        assertEquals("experimentId, trialId or type is missing", header(dead.get(2), DeadLetterHeaders.REASON));
        for (ConsumerRecord<String, String> record : dead) {
            assertEquals(Topics.TRIAL_EVENTS, header(record, DeadLetterHeaders.SOURCE_TOPIC));
            assertEquals("0", header(record, DeadLetterHeaders.SOURCE_PARTITION));
            assertEquals("orchestrator", header(record, DeadLetterHeaders.CONSUMER));
            Long.parseLong(header(record, DeadLetterHeaders.SOURCE_OFFSET));
        }
    }

    private static int experimentCount() {
        return given().get("/api/experiments").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    /** Submits with {@code force: true}, so that every test trains fresh trials instead of reusing earlier ones. */
    private static Response submit(String yaml) {
        return given().config(RestAssured.config().encoderConfig(
                        encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", BadInputCorpus.bearer())
                .contentType("application/yaml").body((yaml + "force: true\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/experiments")
                .then().statusCode(201).contentType(ContentType.JSON).extract().response();
    }

    private void send(KeyedValue... events) {
        KafkaClients.sendEvents(bootstrapServers, List.of(events));
    }

    private static KeyedValue event(String experimentId, String trialId, int attempt, TrialEvent.Type type,
                                    String error) {
        TrialEvent event = new TrialEvent(experimentId, trialId, attempt, type, "worker-a", Instant.now(), 0, 1000,
                Double.NaN, Double.NaN, error);
        return new KeyedValue(trialId, KafkaClients.json(event));
    }

    private TrialMessage trialMessage(String experimentId, String trialId, int attempt) {
        List<ConsumerRecord<String, String>> records = KafkaClients.readMatching(bootstrapServers, Topics.TRIALS,
                record -> trialId.equals(record.key()) && record.value().contains("\"" + experimentId + "\"")
                        && parse(record.value()).attempt() == attempt, 1, WAIT);
        assertEquals(1, records.size(), "attempt " + attempt + " of trial " + trialId + " on " + Topics.TRIALS);
        return parse(records.get(0).value());
    }

    private static TrialMessage parse(String json) {
        try {
            return Json.messages().readValue(json, TrialMessage.class);
        }
        catch (Exception e) {
            throw new AssertionError("cannot parse a trial message from " + json, e);
        }
    }

    private static JsonPath view(String id) {
        return given().get("/api/experiments/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> awaitTrial(String id, String trialId, Predicate<Map<String, Object>> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Object> trial = null;
        while (System.nanoTime() < deadline) {
            trial = trial(view(id), trialId);
            if (condition.test(trial)) {
                return trial;
            }
            sleep(100);
        }
        fail("trial " + trialId + " of experiment " + id + " did not reach the expected state within "
                + WAIT.toSeconds() + " s; last: " + trial);
        return null;
    }

    private static Map<String, Object> trial(JsonPath view, String trialId) {
        List<Map<String, Object>> trials = view.getList("trials");
        return trials.stream().filter(trial -> trialId.equals(trial.get("trialId"))).findFirst()
                .orElseThrow(() -> new AssertionError("trial " + trialId + " missing from " + trials));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
