package dev.descent.orchestrator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.LossCatalog;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossParameter;
import dev.descent.model.spec.PretextTask;
import dev.descent.model.spec.TargetKind;
import dev.descent.orchestrator.support.H2CatalogProfile;
import dev.descent.orchestrator.support.YamlRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Submissions against the live workers' catalogs on {@code descent.worker-catalogs}: a spec that no live worker can
 * run is rejected with 422 and nothing stored, and with no live worker every valid spec is accepted.
 */
@QuarkusTest
@TestProfile(H2CatalogProfile.class)
class WorkerCatalogTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PLUG_IN_LOSS = "charbonnier-test";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final List<String> announcedWorkers = new ArrayList<>();

    @AfterEach
    void withdrawWorkers() throws Exception {
        for (String workerId : announcedWorkers) {
            send(workerId, null);
        }
        announcedWorkers.clear();
        awaitWorkers(workers -> workers.getList("$").isEmpty(), "no live worker after the tombstones");
    }

    @Test
    void specNeedingMissingLossIsRejected() throws Exception {
        // A worker that announced the plug-in an hour ago makes its name parse, but it is not live.
        announce(catalog("worker-gone", Instant.now().minusSeconds(3600), List.of(plugInLoss())));
        announce(catalog("worker-built-ins", Instant.now(), List.of()));
        awaitWorkers(workers -> workers.getList("workerId").equals(List.of("worker-built-ins")), "worker-built-ins");
        int before = experimentCount();

        JsonPath problem = YamlRequests.post("application/yaml", spec("[l2, " + PLUG_IN_LOSS + "]"))
                .then().statusCode(422).contentType("application/problem+json").extract().jsonPath();

        assertEquals("urn:descent:problem:no-capable-worker", problem.getString("type"));
        assertEquals(422, problem.getInt("status"));
        String detail = problem.getString("detail");
        assertTrue(detail.contains("inpainting with " + PLUG_IN_LOSS + ": no live worker offers loss "
                + PLUG_IN_LOSS), detail);
        assertTrue(detail.contains("worker-built-ins"), "the detail names the live workers: " + detail);
        assertTrue(detail.contains("descent.worker.plugins-dir"), "the detail gives the fix: " + detail);
        assertTrue(detail.contains("or remove them from the experiment"), detail);
        assertEquals(List.of("loss " + PLUG_IN_LOSS), problem.getList("missing"));
        assertEquals(1, problem.getList("unsupported").size(), "only the plug-in pair: " + problem.prettify());
        assertEquals(List.of("worker-built-ins"), problem.getList("workers.workerId"));
        assertEquals(before, experimentCount(), "a rejected experiment must not be stored");

        // A weighted sum needs every term on one worker.
        String sum = "[{sum: [{l2: 1.0}, {" + PLUG_IN_LOSS + ": 0.5}]}]";
        JsonPath sumProblem = YamlRequests.post("application/yaml", spec(sum))
                .then().statusCode(422).extract().jsonPath();
        assertEquals(List.of("loss " + PLUG_IN_LOSS), sumProblem.getList("missing"));
        assertEquals(before, experimentCount(), "a rejected experiment must not be stored");
    }

    @Test
    void specIsAcceptedWhenLiveWorkerOffersLoss() throws Exception {
        announce(catalog("worker-built-ins", Instant.now(), List.of()));
        announce(catalog("worker-plug-in", Instant.now(), List.of(plugInLoss())));
        JsonPath workers = awaitWorkers(list -> list.getList("$").size() == 2, "two live workers");
        assertEquals(List.of("worker-built-ins", "worker-plug-in"), workers.getList("workerId"));
        assertTrue(workers.getList("[1].losses.name").contains(PLUG_IN_LOSS), workers.prettify());
        assertEquals(30, workers.getInt("[1].intervalSeconds"));

        String sum = "[l2, " + PLUG_IN_LOSS + ", {sum: [{l2: 1.0}, {" + PLUG_IN_LOSS + ": 0.5}]}]";
        Response response = YamlRequests.post("application/yaml", spec(sum));

        response.then().statusCode(201);
        assertEquals(3, response.jsonPath().getInt("total"), response.asString());
    }

    @Test
    void builtInSpecIsAcceptedWithoutLiveWorker() {
        assertEquals(List.of(), given().get("/api/workers").then().statusCode(200).extract().jsonPath().getList("$"));

        Response response = YamlRequests.post("application/yaml", spec("[l2, l1]"));

        response.then().statusCode(201);
        assertEquals(2, response.jsonPath().getInt("total"), response.asString());
    }

    private static String spec(String losses) {
        return """
                name: catalog-check
                dataset: fashion-mnist
                pretext: [inpainting]
                losses: %s
                seeds: [1]
                training:
                  pretrain-images: 1000
                probe:
                  train-images: 500
                  test-images: 100
                """.formatted(losses);
    }

    private static LossDefinition plugInLoss() {
        return new LossDefinition(PLUG_IN_LOSS, "1.0", "Charbonnier loss per pixel, a smooth L1.",
                List.of(new LossParameter("epsilon", "the smoothing constant", 1e-3, 1e-6, 0.1)),
                Set.of(TargetKind.IMAGE));
    }

    private static WorkerCatalog catalog(String workerId, Instant announcedAt, List<LossDefinition> plugIns) {
        List<LossDefinition> losses = new ArrayList<>(LossCatalog.builtIns());
        losses.addAll(plugIns);
        return new WorkerCatalog(workerId, "test-host", announcedAt, 30, losses,
                List.of(PretextTask.INPAINTING.definition(), PretextTask.DENOISING.definition()), List.of(),
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

    private static JsonPath awaitWorkers(Predicate<JsonPath> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath workers = given().get("/api/workers").then().statusCode(200).extract().jsonPath();
        while (!condition.test(workers)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what
                        + "; GET /api/workers returned " + workers.prettify());
            }
            Thread.sleep(100);
            workers = given().get("/api/workers").then().statusCode(200).extract().jsonPath();
        }
        return workers;
    }

    private static int experimentCount() {
        return given().get("/api/experiments").then().statusCode(200).extract().jsonPath().getList("$").size();
    }
}
