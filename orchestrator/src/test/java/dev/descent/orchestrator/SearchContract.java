package dev.descent.orchestrator;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.descent.model.message.Json;
import dev.descent.model.message.ResultLink;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialMessage;
import dev.descent.orchestrator.support.KafkaClients;
import dev.descent.orchestrator.support.KafkaClients.KeyedValue;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Successive halving and memoization through the REST API and a real broker: the test plays the workers by sending
 * DONE events with validation accuracies. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class SearchContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Makes each test's configs unique, so that memoization across tests in one database cannot interfere. */
    private static final AtomicInteger BUDGET = new AtomicInteger(1000 + (int) (System.nanoTime() % 500) * 2);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void ashaPromotesOnValidationAccuracy() {
        int images = BUDGET.addAndGet(2);
        String yaml = """
                name: asha-test
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2, l1]
                seeds: [1, 2]
                training:
                  pretrain-images: %d
                probe:
                  train-images: 500
                  test-images: 100
                search:
                  strategy: asha
                  reduction-factor: 2
                  rungs: 2
                """.formatted(images);
        JsonPath submitted = submit(yaml);
        String id = submitted.getString("id");
        List<Map<String, Object>> rungZero = submitted.getList("trials");
        assertEquals(4, rungZero.size(), "2 losses x 2 seeds at rung 0");
        for (Map<String, Object> trial : rungZero) {
            assertEquals("QUEUED", trial.get("state"), trial.toString());
        }
        TrialMessage first = trialMessage(id, (String) rungZero.get(0).get("trialId"));
        assertEquals(images / 2, first.config().training().pretrainImages(), "rung 0 trains on 1/eta of the images");

        // l1 validates better, so it is promoted; l2 is stopped once the rung closes.
        sendDone(id, rungZero, Map.of("l1", 0.70, "l2", 0.60));
        JsonPath promoted = awaitView(id, view -> view.getList("trials").size() == 6);
        assertEquals("RUNNING", promoted.getString("state"), "the promoted trials are still to run");
        List<Map<String, Object>> rungOne = promoted.getList("trials").subList(4, 6).stream()
                .map(trial -> (Map<String, Object>) trial).toList();
        for (Map<String, Object> trial : rungOne) {
            assertEquals("l1", trial.get("loss"), trial.toString());
            TrialMessage message = trialMessage(id, (String) trial.get("trialId"));
            assertEquals(images, message.config().training().pretrainImages(), "rung 1 trains on the full budget");
        }

        sendDone(id, rungOne, Map.of("l1", 0.75));
        awaitView(id, view -> "DONE".equals(view.getString("state")));

        JsonPath decisions = given().get("/api/experiments/" + id + "/decisions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("asha", decisions.getString("strategy"));
        assertEquals(2, decisions.getInt("reductionFactor"));
        assertEquals(List.of("PROMOTED", "STOPPED", "WINNER"), decisions.getList("decisions.action"));
        assertEquals(List.of("l1", "l2", "l1"), decisions.getList("decisions.loss"));
        assertEquals(0.70, decisions.getDouble("decisions[0].score"), 1e-9);
        assertTrue(decisions.getString("decisions[0].reason").contains("0.7000"),
                decisions.getString("decisions[0].reason"));
        assertEquals(4L * (images / 2) + 2L * images, decisions.getLong("trainingImagesSpent"));
        assertEquals(4L * images, decisions.getLong("gridTrainingImages"));
        assertEquals(List.of(images / 2, images), decisions.getList("rungs.pretrainImages"));
    }

    @Test
    void finishedTrialsAreReusedUnlessForced() {
        int images = BUDGET.addAndGet(2);
        String yaml = """
                name: memo-test
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: [l2]
                seeds: [1, 2]
                training:
                  pretrain-images: %d
                probe:
                  train-images: 500
                  test-images: 100
                """.formatted(images);
        JsonPath original = submit(yaml);
        String originalId = original.getString("id");
        sendDone(originalId, original.getList("trials"), Map.of("l2", 0.5));
        awaitView(originalId, view -> "DONE".equals(view.getString("state")));

        JsonPath repeat = submit(yaml);
        String repeatId = repeat.getString("id");
        assertEquals("DONE", repeat.getString("state"), "every trial reuses a finished result");
        assertEquals(original.getList("trials.trialId"), repeat.getList("trials.trialId"));
        List<ConsumerRecord<String, String>> links = KafkaClients.readMatching(bootstrapServers, Topics.RESULT_LINKS,
                record -> record.value().contains("\"" + repeatId + "\""), 2, WAIT);
        assertEquals(2, links.size(), "one result link per reused trial");
        ResultLink link = parse(links.get(0).value(), ResultLink.class);
        assertEquals(originalId, link.sourceExperimentId());
        JsonPath report = given().get("/api/experiments/" + repeatId + "/decisions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0L, report.getLong("trainingImagesSpent"));
        assertEquals(2L * images, report.getLong("trainingImagesReused"));

        JsonPath forced = submit(yaml + "force: true\n");
        assertEquals("RUNNING", forced.getString("state"), "force: true trains every trial again");
        for (Object trialId : forced.getList("trials.trialId")) {
            trialMessage(forced.getString("id"), (String) trialId);
        }
    }

    @Test
    void decisionsOfUnknownExperimentAreNotFound() {
        given().get("/api/experiments/e-unknown/decisions").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static JsonPath submit(String yaml) {
        return given().config(RestAssured.config().encoderConfig(
                        encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/experiments")
                .then().statusCode(201).extract().jsonPath();
    }

    /** Sends STARTED and DONE for each trial, with the validation accuracy given for its loss. */
    private void sendDone(String experimentId, List<Map<String, Object>> trials, Map<String, Double> validation) {
        List<KeyedValue> events = new ArrayList<>();
        for (Map<String, Object> trial : trials) {
            String trialId = (String) trial.get("trialId");
            Double accuracy = validation.get((String) trial.get("loss"));
            events.add(event(experimentId, trialId, TrialEvent.Type.STARTED, null));
            events.add(event(experimentId, trialId, TrialEvent.Type.DONE, accuracy));
        }
        KafkaClients.sendEvents(bootstrapServers, events);
    }

    private static KeyedValue event(String experimentId, String trialId, TrialEvent.Type type, Double validation) {
        TrialEvent event = new TrialEvent(experimentId, trialId, 1, type, "worker-a", Instant.now(), 0, 1000,
                Double.NaN, Double.NaN, null, validation);
        return new KeyedValue(trialId, KafkaClients.json(event));
    }

    private TrialMessage trialMessage(String experimentId, String trialId) {
        List<ConsumerRecord<String, String>> records = KafkaClients.readMatching(bootstrapServers, Topics.TRIALS,
                record -> trialId.equals(record.key()) && record.value().contains("\"" + experimentId + "\""), 1,
                WAIT);
        assertEquals(1, records.size(), "trial " + trialId + " of experiment " + experimentId + " on " + Topics.TRIALS);
        return parse(records.get(0).value(), TrialMessage.class);
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return Json.messages().readValue(json, type);
        }
        catch (Exception e) {
            throw new AssertionError("cannot parse a " + type.getSimpleName() + " from " + json, e);
        }
    }

    private static JsonPath awaitView(String id, Predicate<JsonPath> condition) {
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
        fail("experiment " + id + " did not reach the expected state within " + WAIT.toSeconds() + " s; last: "
                + (view == null ? null : view.prettify()));
        return null;
    }
}
