package dev.descent.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.model.spec.LossCatalog;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.LossParameter;
import dev.descent.model.spec.PretextTask;
import dev.descent.model.spec.TargetKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The catalog endpoints: the built-ins with no workers when no worker is live, and the union of the live workers'
 * catalogs from {@code descent.worker-catalogs} otherwise, with tombstones and stale catalogs dropping workers.
 */
@QuarkusTest
@WithTestResource(BrokerResource.class)
class CatalogTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ENTRY_FIELDS = 8;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final List<String> announcedWorkers = new ArrayList<>();

    /** Withdraws every worker a test announced, so that the built-in tests and other classes see no live worker. */
    @AfterEach
    void withdrawWorkers() throws Exception {
        for (String workerId : announcedWorkers) {
            send(workerId, null);
        }
        announcedWorkers.clear();
        awaitLosses(losses -> entry(losses, "l2").path("workers").isEmpty(), "no live worker after the tombstones");
    }

    @Test
    void lossesListBuiltInsWithParameters() throws Exception {
        List<String> names = new ArrayList<>(LossFunction.ids());
        names.add("sum");
        JsonNode losses = get("/api/losses");

        assertCatalog(losses, names);
        for (JsonNode entry : losses) {
            String name = entry.path("name").asText();
            int expected = name.equals("sum") ? 1 : LossFunction.byId(name).orElseThrow().parameters().size();
            assertEquals(expected, entry.path("parameters").size(), entry.toString());
        }
        JsonNode delta = entry(losses, "huber").path("parameters").get(0);
        assertEquals("delta", delta.path("name").asText(), delta.toString());
        assertEquals(1.0, delta.path("defaultValue").asDouble(), delta.toString());
        assertEquals(0.001, delta.path("min").asDouble(), delta.toString());
        assertEquals(1.0, delta.path("max").asDouble(), delta.toString());
        assertFalse(delta.path("wholeNumber").asBoolean(true), delta.toString());
        assertFalse(delta.path("description").asText().isBlank(), delta.toString());
        JsonNode bins = entry(losses, "binned-ce").path("parameters").get(0);
        assertEquals("bins", bins.path("name").asText(), bins.toString());
        assertTrue(bins.path("wholeNumber").asBoolean(false), bins.toString());
        JsonNode weight = entry(losses, "sum").path("parameters").get(0);
        assertEquals("weight", weight.path("name").asText(), weight.toString());
        assertEquals(0.001, weight.path("min").asDouble(), weight.toString());
        assertEquals(1000.0, weight.path("max").asDouble(), weight.toString());
        assertEquals("[\"image\"]", entry(losses, "l2").path("targets").toString());
        assertEquals("[\"class\"]", entry(losses, "ce").path("targets").toString());
    }

    @Test
    void pretextTasksListBuiltIns() throws Exception {
        JsonNode tasks = get("/api/pretext-tasks");

        assertCatalog(tasks, PretextTask.ids());
        for (JsonNode entry : tasks) {
            assertEquals(0, entry.path("parameters").size(), entry.toString());
        }
        assertEquals("[\"class\"]", entry(tasks, "rotation").path("targets").toString());
    }

    @Test
    void evaluatorsListBuiltIns() throws Exception {
        JsonNode evaluators = get("/api/evaluators");

        assertCatalog(evaluators, List.of("linear-probe", "knn"));
    }

    @Test
    void pluginLossListedUntilTombstone() throws Exception {
        announce(catalog("worker-a", Instant.now(), 60, charbonnier("1.0")));

        JsonNode losses = awaitLosses(list -> entry(list, "charbonnier") != null, "charbonnier from worker-a");
        JsonNode charbonnier = entry(losses, "charbonnier");
        assertEquals("1.0", charbonnier.path("version").asText(), charbonnier.toString());
        assertEquals("[\"1.0\"]", charbonnier.path("versions").toString());
        assertEquals("[\"worker-a\"]", charbonnier.path("workers").toString());
        assertEquals(1, charbonnier.path("workerCount").asInt(), charbonnier.toString());
        assertEquals("[\"image\"]", charbonnier.path("targets").toString());
        assertEquals(1, charbonnier.path("parameters").size(), charbonnier.toString());
        JsonNode epsilon = charbonnier.path("parameters").get(0);
        assertEquals("epsilon", epsilon.path("name").asText(), epsilon.toString());
        assertEquals(0.001, epsilon.path("defaultValue").asDouble(), epsilon.toString());
        assertEquals(1e-6, epsilon.path("min").asDouble(), epsilon.toString());
        assertEquals(0.1, epsilon.path("max").asDouble(), epsilon.toString());
        assertFalse(epsilon.path("wholeNumber").asBoolean(true), epsilon.toString());
        assertEquals("[\"worker-a\"]", entry(losses, "l2").path("workers").toString());
        assertEquals("[\"worker-a\"]", entry(losses, "sum").path("workers").toString());
        assertEquals("sum", losses.get(losses.size() - 1).path("name").asText(), "the weighted sum comes last");
        assertEquals(LossFunction.ids().size() + 2, losses.size(), losses.toString());
        assertEquals("[\"worker-a\"]", entry(get("/api/pretext-tasks"), "inpainting").path("workers").toString());
        assertEquals("[\"worker-a\"]", entry(get("/api/evaluators"), "knn").path("workers").toString());

        announce(catalog("worker-b", Instant.now(), 60, charbonnier("1.10")));
        losses = awaitLosses(list -> entry(list, "charbonnier").path("workerCount").asInt() == 2,
                "charbonnier from two workers");
        charbonnier = entry(losses, "charbonnier");
        assertEquals("1.10", charbonnier.path("version").asText(), "the newest version: " + charbonnier);
        assertEquals("[\"1.0\",\"1.10\"]", charbonnier.path("versions").toString());
        assertEquals("[\"worker-a\",\"worker-b\"]", charbonnier.path("workers").toString());

        send("worker-a", null);
        send("worker-b", null);
        losses = awaitLosses(list -> entry(list, "charbonnier") == null, "charbonnier gone after the tombstones");
        assertNull(entry(losses, "charbonnier"));
        assertEquals(0, entry(losses, "l2").path("workerCount").asInt(), "built-ins without workers again");
    }

    @Test
    void staleCatalogDisappears() throws Exception {
        // A catalog announced an hour ago with a 30 s interval is stale on arrival. The fresh one follows it on the
        // same partition, so once the fresh one is listed the registry has read both.
        announce(catalog("worker-stale", Instant.now().minusSeconds(3600), 30, charbonnier("2.0")));
        announce(catalog("worker-fresh", Instant.now(), 2, List.of()));
        JsonNode losses = awaitLosses(list -> entry(list, "l2").path("workers").size() > 0, "worker-fresh live");
        assertEquals("[\"worker-fresh\"]", entry(losses, "l2").path("workers").toString());
        assertNull(entry(losses, "charbonnier"), "the stale catalog's loss is listed: " + losses);

        // worker-fresh announces every 2 s and stops, so it is stale 6 s after its announcement.
        losses = awaitLosses(list -> entry(list, "l2").path("workers").isEmpty(), "worker-fresh stale");
        assertEquals(0, entry(losses, "l2").path("workerCount").asInt(), losses.toString());
    }

    private static List<LossDefinition> charbonnier(String version) {
        return List.of(new LossDefinition("charbonnier", version, "Charbonnier loss per pixel: sqrt(d^2 + "
                + "epsilon^2), a smooth L1.", List.of(new LossParameter("epsilon", "the smoothing constant", 1e-3,
                1e-6, 0.1)), Set.of(TargetKind.IMAGE)));
    }

    private static WorkerCatalog catalog(String workerId, Instant announcedAt, int intervalSeconds,
                                         List<LossDefinition> plugIns) {
        List<LossDefinition> losses = new ArrayList<>(LossCatalog.builtIns());
        losses.addAll(plugIns);
        return new WorkerCatalog(workerId, "test-host", announcedAt, intervalSeconds, losses,
                List.of(PretextTask.INPAINTING.definition(), PretextTask.DENOISING.definition()),
                List.of(new EvaluatorDefinition("linear-probe", "1.0", "Linear probe."),
                        new EvaluatorDefinition("knn", "1.0", "kNN.")),
                List.of("fashion-mnist"));
    }

    private void announce(WorkerCatalog catalog) throws Exception {
        announcedWorkers.add(catalog.workerId());
        send(catalog.workerId(), Json.messages().writeValueAsString(catalog));
    }

    private void send(String workerId, String value) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(Topics.WORKER_CATALOGS, 0, workerId, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode awaitLosses(Predicate<JsonNode> condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode losses = get("/api/losses");
        while (!condition.test(losses)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what
                        + "; GET /api/losses returned " + losses);
            }
            Thread.sleep(100);
            losses = get("/api/losses");
        }
        return losses;
    }

    private static JsonNode get(String path) throws Exception {
        String body = given().when().get(path).then().statusCode(200).contentType("application/json")
                .extract().asString();
        return Json.messages().readTree(body);
    }

    /** Returns the entry with this name, or null when there is none. */
    private static JsonNode entry(JsonNode entries, String name) {
        for (JsonNode entry : entries) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        return null;
    }

    private static void assertCatalog(JsonNode entries, List<String> expectedNames) {
        assertTrue(entries.isArray(), entries.toString());
        assertEquals(expectedNames.size(), entries.size(), entries.toString());
        for (int i = 0; i < expectedNames.size(); i++) {
            JsonNode entry = entries.get(i);
            assertEquals(expectedNames.get(i), entry.path("name").asText(), entry.toString());
            assertEquals("1.0", entry.path("version").asText(), entry.toString());
            assertEquals("[\"1.0\"]", entry.path("versions").toString(), entry.toString());
            assertFalse(entry.path("description").asText().isBlank(), entry.toString());
            assertTrue(entry.path("parameters").isArray(), entry.toString());
            assertTrue(entry.path("workers").isArray(), entry.toString());
            assertEquals(0, entry.path("workers").size(), "no worker is live: " + entry);
            assertEquals(0, entry.path("workerCount").asInt(-1), entry.toString());
            assertNotNull(entry.get("targets"), entry.toString());
            assertEquals(ENTRY_FIELDS, entry.size(), "fields of " + entry);
        }
    }
}
