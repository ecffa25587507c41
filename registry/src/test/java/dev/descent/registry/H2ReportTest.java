package dev.descent.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The report embeds the orchestrator's decisions unchanged, and reports a 404 from it in {@code decisionsError}. */
@QuarkusTest
@WithTestResource(BrokerResource.class)
@WithTestResource(FakeOrchestrator.class)
class H2ReportTest {

    @Test
    void reportEmbedsDecisions() throws Exception {
        JsonNode report = report(FakeOrchestrator.KNOWN_EXPERIMENT);

        assertEquals(Json.messages().readTree(FakeOrchestrator.DECISIONS), report.path("decisions"));
        assertTrue(report.path("decisionsError").isNull(), report.toString());
        assertEquals(0, report.path("counts").path("withResults").asInt());
        assertEquals(0, report.path("leaderboard").path("resultCount").asInt());
    }

    @Test
    void orchestrator404KeepsReport() throws Exception {
        JsonNode report = report("e-unknown-to-orchestrator");

        assertTrue(report.path("decisions").isNull(), report.toString());
        assertTrue(report.path("decisionsError").asText().contains("HTTP 404"),
                report.path("decisionsError").asText());
    }

    private static JsonNode report(String experimentId) throws Exception {
        return Json.messages().readTree(given().get("/api/experiments/{id}/report", experimentId).then()
                .statusCode(200).extract().asString());
    }
}
