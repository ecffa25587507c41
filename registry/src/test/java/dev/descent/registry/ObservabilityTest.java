package dev.descent.registry;

import static dev.descent.registry.RegistryClient.DUPLICATE;
import static dev.descent.registry.RegistryClient.STORED;
import static dev.descent.registry.RegistryClient.metricSum;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.descent.model.message.TrialResult;
import dev.descent.model.trial.TrialConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The registry's OpenAPI document, health checks and Prometheus metrics, with a real broker and H2. */
@QuarkusTest
@WithTestResource(BrokerResource.class)
class ObservabilityTest {

    private static final String LEADERBOARD_COUNT = "descent_leaderboard_latency_seconds_count";

    @Test
    void openApiListsEndpoints() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertTrue(paths.containsKey("/api/leaderboard"), "paths: " + paths.keySet());
        assertTrue(paths.keySet().stream().anyMatch(path -> path.startsWith("/api/trials/")), "paths: " + paths.keySet());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readinessCoversKafkaAndDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void metricsCountResultsAndLeaderboardCalls() {
        double storedBefore = metricSum(STORED);
        double duplicateBefore = metricSum(DUPLICATE);
        String experiment = TestResults.newExperimentId();
        TrialConfig first = TestResults.config("metrics", "fashion-mnist", "inpainting", "l2", 1);
        TrialConfig second = TestResults.config("metrics", "fashion-mnist", "inpainting", "l1", 1);
        TrialResult firstResult = TestResults.result(experiment, first, 0.84, 0.80, 0.82, 0.77);
        try (ResultPublisher publisher = new ResultPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            publisher.send(firstResult);
            publisher.send(TestResults.result(experiment, second, 0.83, 0.79, 0.82, 0.77));
            publisher.send(firstResult);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> metricSum(DUPLICATE) == duplicateBefore + 1);
        assertEquals(storedBefore + 2, metricSum(STORED));

        double callsBefore = metricSum(LEADERBOARD_COUNT);
        given().get("/api/leaderboard").then().statusCode(200);
        given().queryParam("experiment", experiment).get("/api/leaderboard").then().statusCode(200);
        assertEquals(callsBefore + 2, metricSum(LEADERBOARD_COUNT));
    }
}
