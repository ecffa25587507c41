package dev.descent.orchestrator;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.spec.SpecParser;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;
import dev.descent.model.trial.TrialIds;
import dev.descent.orchestrator.support.KafkaClients;
import dev.descent.orchestrator.support.KafkaClients.KeyedValue;
import dev.descent.orchestrator.support.YamlRequests;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The REST and Kafka behaviour of the orchestrator; subclasses run it on H2 and on PostgreSQL. */
abstract class ExperimentApiContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** 2 pretext tasks x 2 losses x 1 seed = 4 trials of 2 epochs x 1000 images. */
    static final String GRID = """
            name: contract
            dataset: fashion-mnist
            pretext: [inpainting, denoising]
            losses: [l2, l1]
            seeds: [7]
            training:
              epochs: 2
              pretrain-images: 1000
            probe:
              train-images: 500
              test-images: 100
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void invalidSpecReturnsLineAndField() {
        String yaml = """
                name: broken
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2, charbonnier]
                seeds: [1]
                training:
                  batch-size: 0
                """;
        int before = given().get("/api/experiments").then().statusCode(200).extract().jsonPath().getList("$").size();

        JsonPath problem = given().config(RestAssured.config().encoderConfig(
                        encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/yaml").queryParam("source", "broken.yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8)).post("/api/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:descent:problem:invalid-experiment"))
                .body("status", equalTo(400))
                .body("source", equalTo("broken.yaml"))
                .body("detail", containsString("broken.yaml:4: losses"))
                .body("detail", containsString("broken.yaml:7: training.batch-size"))
                .extract().jsonPath();

        List<Map<String, Object>> problems = problem.getList("problems");
        assertEquals(2, problems.size(), "problems: " + problems);
        assertEquals(4, problems.get(0).get("line"));
        assertEquals("losses", problems.get(0).get("field"));
        assertEquals("charbonnier", problems.get(0).get("value"));
        assertTrue(problems.get(0).get("message").toString()
                .contains("allowed values are [l2, l1, huber, bce, binned-ce, adversarial, ce"));
        assertEquals(7, problems.get(1).get("line"));
        assertEquals("training.batch-size", problems.get(1).get("field"));
        assertEquals("0", problems.get(1).get("value"));

        int after = given().get("/api/experiments").then().statusCode(200).extract().jsonPath().getList("$").size();
        assertEquals(before, after, "an invalid experiment must not be stored");
    }

    @Test
    void submitPublishesDeterministicTrialIds() {
        Response response = submit(GRID);
        String id = response.jsonPath().getString("id");
        response.then()
                .header("Location", endsWith("/api/experiments/" + id))
                .body("id", matchesPattern("e-\\d{8}-\\d{6}-[0-9a-f]{6}"))
                .body("name", equalTo("contract"))
                .body("state", equalTo("RUNNING"))
                .body("total", equalTo(4))
                .body("queued", equalTo(4))
                .body("imagesTotal", equalTo(8000))
                .body("imagesDone", equalTo(0))
                .body("etaSeconds", nullValue())
                .body("datasetPath", equalTo("/usr/share/datasets/fashion-mnist"))
                .body("trials.state", everyItemIs("QUEUED"));

        List<TrialConfig> expected = TrialExpander.expand(new SpecParser(500).parse("test", GRID));
        List<String> expectedIds = expected.stream().map(TrialIds::of).toList();
        assertEquals(expectedIds, response.jsonPath().getList("trials.trialId"));

        List<ConsumerRecord<String, String>> records = KafkaClients.readMatching(bootstrapServers, Topics.TRIALS,
                record -> record.value().contains("\"" + id + "\""), 4, WAIT);
        assertEquals(4, records.size(), "trial records on " + Topics.TRIALS);
        List<String> keys = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            TrialMessage message = parse(record.value(), TrialMessage.class);
            assertEquals(record.key(), message.trialId(), "record key");
            assertEquals(id, message.experimentId());
            assertEquals(1, message.attempt());
            assertEquals("/usr/share/datasets/fashion-mnist", message.datasetPath());
            assertEquals(TrialIds.of(message.config()), message.trialId(), "id derived from the sent config");
            assertTrue(expected.contains(message.config()), "unexpected config " + message.config());
            keys.add(record.key());
        }
        assertEquals(Set.copyOf(expectedIds), Set.copyOf(keys));
    }

    @Test
    void specDatasetPathIsSent() {
        String path = "/usr/share/datasets/fm-copy";
        String yaml = GRID.replace("dataset: fashion-mnist", "dataset:\n  name: fashion-mnist\n  path: " + path);
        Response response = submit(yaml);
        String id = response.jsonPath().getString("id");
        response.then().body("datasetPath", equalTo(path));

        List<ConsumerRecord<String, String>> records = KafkaClients.readMatching(bootstrapServers, Topics.TRIALS,
                record -> record.value().contains("\"" + id + "\""), 4, WAIT);
        assertEquals(4, records.size());
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(path, parse(record.value(), TrialMessage.class).datasetPath());
        }
    }

    @Test
    void eventsMoveTrialStates() {
        JsonPath submitted = submit(GRID).jsonPath();
        String id = submitted.getString("id");
        List<String> trials = submitted.getList("trials.trialId");
        String first = trials.get(0);
        String second = trials.get(1);

        send(event(id, first, TrialEvent.Type.STARTED, 0, 2000, Double.NaN, Double.NaN, null));
        JsonPath running = awaitExperiment(id, view -> "RUNNING".equals(trial(view, first).get("state")));
        Map<String, Object> started = trial(running, first);
        assertEquals("worker-a", started.get("workerId"));
        assertEquals(1, started.get("attempt"));
        assertNull(started.get("pretextLoss"));
        assertEquals(1, running.getInt("running"));
        assertEquals(3, running.getInt("queued"));

        send(event(id, first, TrialEvent.Type.PROGRESS, 500, 2000, 0.05, 120.0, null));
        JsonPath progressed = awaitExperiment(id, view -> ((Number) trial(view, first).get("imagesDone")).intValue()
                == 500);
        Map<String, Object> progress = trial(progressed, first);
        assertEquals(2000, progress.get("imagesTotal"));
        assertEquals(0.05, ((Number) progress.get("pretextLoss")).doubleValue(), 1e-9);
        assertEquals(120.0, ((Number) progress.get("imagesPerSecond")).doubleValue(), 1e-9);
        assertEquals(500, progressed.getInt("imagesDone"));
        assertEquals(8000, progressed.getInt("imagesTotal"));
        assertEquals(6.3, progressed.getDouble("percentDone"), 1e-9);
        assertTrue(progressed.get("etaSeconds") != null, "ETA once progress is measurable");

        send(event(id, first, TrialEvent.Type.EVALUATING, 2000, 2000, 0.04, 130.0, null));
        awaitExperiment(id, view -> ((Number) trial(view, first).get("imagesDone")).intValue() == 2000);
        send(event(id, first, TrialEvent.Type.DONE, 2000, 2000, 0.04, 130.0, null));
        JsonPath done = awaitExperiment(id, view -> "DONE".equals(trial(view, first).get("state")));
        assertEquals(1, done.getInt("done"));
        assertEquals(2000, done.getInt("imagesDone"));
        assertEquals(25.0, done.getDouble("percentDone"), 1e-9);

        send(event(id, second, TrialEvent.Type.STARTED, 0, 2000, Double.NaN, Double.NaN, null));
        send(event(id, second, TrialEvent.Type.FAILED, 300, 2000, 0.2, 80.0, "OutOfMemoryError: Java heap space"));
        JsonPath failed = awaitExperiment(id, view -> "FAILED".equals(trial(view, second).get("state")));
        assertEquals("OutOfMemoryError: Java heap space", trial(failed, second).get("error"));
        assertEquals(1, failed.getInt("failed"));
        assertEquals("RUNNING", failed.getString("state"), "two trials are still queued");

        send(event(id, trials.get(2), TrialEvent.Type.DONE, 2000, 2000, 0.03, 100.0, null));
        send(event(id, trials.get(3), TrialEvent.Type.DONE, 2000, 2000, 0.03, 100.0, null));
        JsonPath finished = awaitExperiment(id, view -> view.getInt("queued") == 0 && view.getInt("running") == 0);
        assertEquals("FAILED", finished.getString("state"), "all terminal with one failure");
        assertEquals(3, finished.getInt("done"));
        assertEquals(0L, finished.getLong("etaSeconds"));
    }

    @Test
    void allDoneMakesExperimentDone() {
        JsonPath submitted = submit(GRID).jsonPath();
        String id = submitted.getString("id");
        List<String> trials = submitted.getList("trials.trialId");
        for (String trialId : trials) {
            send(event(id, trialId, TrialEvent.Type.DONE, 2000, 2000, 0.03, 100.0, null));
        }
        JsonPath done = awaitExperiment(id, view -> view.getInt("done") == 4);
        assertEquals("DONE", done.getString("state"));
        assertEquals(100.0, done.getDouble("percentDone"), 1e-9);
        assertEquals(8000, done.getInt("imagesDone"));
    }

    @Test
    void lateProgressAfterDoneIgnored() {
        JsonPath submitted = submit(GRID).jsonPath();
        String id = submitted.getString("id");
        List<String> trials = submitted.getList("trials.trialId");
        String finished = trials.get(0);
        String sentinel = trials.get(1);

        send(event(id, finished, TrialEvent.Type.DONE, 2000, 2000, 0.04, 130.0, null));
        awaitExperiment(id, view -> "DONE".equals(trial(view, finished).get("state")));

        // The sentinel shares partition 0 with the late events, so once it shows, the late events were consumed.
        send(event(id, finished, TrialEvent.Type.PROGRESS, 100, 2000, 0.5, 10.0, null),
                event(id, finished, TrialEvent.Type.FAILED, 100, 2000, 0.5, 10.0, "late failure"),
                event(id, sentinel, TrialEvent.Type.STARTED, 0, 2000, Double.NaN, Double.NaN, null));
        JsonPath view = awaitExperiment(id, current -> "RUNNING".equals(trial(current, sentinel).get("state")));

        Map<String, Object> trial = trial(view, finished);
        assertEquals("DONE", trial.get("state"));
        assertEquals(2000, trial.get("imagesDone"));
        assertNull(trial.get("error"));
        assertEquals(0.04, ((Number) trial.get("pretextLoss")).doubleValue(), 1e-9);
    }

    @Test
    void malformedEventsAreSkipped() {
        JsonPath submitted = submit(GRID).jsonPath();
        String id = submitted.getString("id");
        String trialId = submitted.getList("trials.trialId").get(0).toString();

        KafkaClients.sendEvents(bootstrapServers, List.of(
                new KeyedValue(trialId, "{not json"),
                new KeyedValue(trialId, "{\"experimentId\":\"" + id + "\"}"),
                event("e-unknown", "t-unknown", TrialEvent.Type.STARTED, 0, 10, Double.NaN, Double.NaN, null),
                event(id, trialId, TrialEvent.Type.STARTED, 0, 2000, Double.NaN, Double.NaN, null)));
        awaitExperiment(id, view -> "RUNNING".equals(trial(view, trialId).get("state")));
        given().get("/api/experiments/e-unknown").then().statusCode(404);
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownExperimentReturns404() {
        given().get("/api/experiments/e-20990101-000000-abcdef")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:descent:problem:experiment-not-found"))
                .body("status", equalTo(404))
                .body("title", equalTo("Experiment not found"))
                .body("experimentId", equalTo("e-20990101-000000-abcdef"))
                .body("detail", containsString("e-20990101-000000-abcdef"));
    }

    @Test
    void oversizedBodyReturns413() {
        String yaml = GRID + "#" + "x".repeat(256 * 1024) + "\n";
        YamlRequests.post("application/yaml", yaml)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:descent:problem:body-too-large"))
                .body("status", equalTo(413))
                .body("maxBytes", equalTo(262144))
                .body("detail", containsString("descent.orchestrator.max-body-size"));
    }

    @Test
    void nonUtf8BodyIsRejected() {
        byte[] latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        YamlRequests.post("text/yaml", latin1)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:descent:problem:invalid-encoding"));
        YamlRequests.post("text/yaml; charset=ISO-8859-1", latin1)
                .then().statusCode(415).contentType("application/problem+json")
                .body("charset", equalTo("ISO-8859-1"));
    }

    @Test
    void jsonBodyReturns415() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").post("/api/experiments")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:descent:problem:unsupported-media-type"))
                .body("detail", containsString("application/yaml"));
    }

    @Test
    void yamlMediaTypesAccepted() {
        for (String type : List.of("application/x-yaml", "text/yaml", "text/plain; charset=UTF-8")) {
            YamlRequests.post(type, GRID)
                    .then().statusCode(201).body("total", equalTo(4));
        }
    }

    @Test
    void listIsNewestFirst() {
        String older = submit(GRID).jsonPath().getString("id");
        String newer = submit(GRID.replace("name: contract", "name: contract-newer")).jsonPath().getString("id");

        JsonPath list = given().get("/api/experiments").then().statusCode(200)
                .body("id", hasItem(older))
                .body("[0].trials", nullValue())
                .body("[0].total", notNullValue())
                .extract().jsonPath();
        List<String> ids = list.getList("id");
        assertTrue(ids.indexOf(newer) < ids.indexOf(older), "newest first: " + ids);
        List<Instant> created = list.getList("createdAt", String.class).stream().map(Instant::parse).toList();
        for (int i = 1; i < created.size(); i++) {
            assertTrue(!created.get(i).isAfter(created.get(i - 1)), "createdAt descending: " + created);
        }

        given().queryParam("limit", 1).get("/api/experiments").then().statusCode(200).body("size()", equalTo(1));
        given().queryParam("limit", 0).get("/api/experiments").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
    }

    /** Submits with {@code force: true}, so that every test trains fresh trials instead of reusing earlier ones. */
    private static Response submit(String yaml) {
        return YamlRequests.post("application/yaml", yaml + "force: true\n")
                .then().statusCode(201).contentType(ContentType.JSON).extract().response();
    }

    private void send(KeyedValue... events) {
        KafkaClients.sendEvents(bootstrapServers, List.of(events));
    }

    private static KeyedValue event(String experimentId, String trialId, TrialEvent.Type type, long imagesDone,
                                    long imagesTotal, double loss, double imagesPerSecond, String error) {
        TrialEvent event = new TrialEvent(experimentId, trialId, 1, type, "worker-a", Instant.now(), imagesDone,
                imagesTotal, loss, imagesPerSecond, error);
        return new KeyedValue(trialId, KafkaClients.json(event));
    }

    private static JsonPath awaitExperiment(String id, Predicate<JsonPath> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath view = null;
        while (System.nanoTime() < deadline) {
            view = given().get("/api/experiments/" + id).then().statusCode(200).extract().jsonPath();
            if (condition.test(view)) {
                return view;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("experiment " + id + " did not reach the expected state within " + WAIT.toSeconds() + " s; last view: "
                + (view == null ? null : view.prettify()));
        return null;
    }

    private static Map<String, Object> trial(JsonPath view, String trialId) {
        List<Map<String, Object>> trials = view.getList("trials");
        return trials.stream().filter(trial -> trialId.equals(trial.get("trialId"))).findFirst()
                .orElseThrow(() -> new AssertionError("trial " + trialId + " missing from " + trials));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return Json.messages().readValue(json, type);
        }
        catch (Exception e) {
            throw new AssertionError("cannot parse " + type.getSimpleName() + " from " + json, e);
        }
    }
}
