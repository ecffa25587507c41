package dev.descent.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.PretextTask;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The catalog endpoints list every built-in loss and pretext task with the documented JSON shape. */
@QuarkusTest
@WithTestResource(BrokerResource.class)
class CatalogTest {

    @Test
    void lossesListBuiltInsWithParameters() throws Exception {
        List<String> names = new ArrayList<>(LossFunction.ids());
        names.add("sum");
        JsonNode losses = get("/api/losses");

        assertCatalog(losses, names);
        for (JsonNode entry : losses) {
            String name = entry.path("name").asText();
            int expected = name.equals("huber") || name.equals("sum") ? 1 : 0;
            assertEquals(expected, entry.path("parameters").size(), entry.toString());
        }
        JsonNode delta = losses.get(names.indexOf("huber")).path("parameters").get(0);
        assertEquals("delta", delta.path("name").asText(), delta.toString());
        assertEquals(1.0, delta.path("defaultValue").asDouble(), delta.toString());
        assertEquals(0.001, delta.path("min").asDouble(), delta.toString());
        assertEquals(1.0, delta.path("max").asDouble(), delta.toString());
        assertFalse(delta.path("description").asText().isBlank(), delta.toString());
        JsonNode weight = losses.get(names.indexOf("sum")).path("parameters").get(0);
        assertEquals("weight", weight.path("name").asText(), weight.toString());
        assertEquals(0.001, weight.path("min").asDouble(), weight.toString());
        assertEquals(1000.0, weight.path("max").asDouble(), weight.toString());
    }

    @Test
    void pretextTasksListBuiltIns() throws Exception {
        JsonNode tasks = get("/api/pretext-tasks");

        assertCatalog(tasks, PretextTask.ids());
        for (JsonNode entry : tasks) {
            assertEquals(0, entry.path("parameters").size(), entry.toString());
        }
    }

    private static JsonNode get(String path) throws Exception {
        String body = given().when().get(path).then().statusCode(200).contentType("application/json")
                .extract().asString();
        return Json.messages().readTree(body);
    }

    private static void assertCatalog(JsonNode entries, List<String> expectedNames) {
        assertTrue(entries.isArray(), entries.toString());
        assertEquals(expectedNames.size(), entries.size(), entries.toString());
        for (int i = 0; i < expectedNames.size(); i++) {
            JsonNode entry = entries.get(i);
            assertEquals(expectedNames.get(i), entry.path("name").asText(), entry.toString());
            assertEquals("1", entry.path("version").asText(), entry.toString());
            assertFalse(entry.path("description").asText().isBlank(), entry.toString());
            assertTrue(entry.path("parameters").isArray(), entry.toString());
            assertEquals(4, entry.size(), "fields of " + entry);
        }
    }
}
