package dev.descent.registry;

import static io.restassured.RestAssured.given;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.registry.api.ExperimentResults;
import dev.descent.registry.rank.Leaderboard;
import dev.descent.registry.store.StoredResult;

/** Calls the registry's REST API and reads the JSON bodies into the registry's own response types. */
final class RegistryClient {

    private RegistryClient() {
    }

    static Leaderboard leaderboard(Map<String, String> filters) {
        String body = given().queryParams(filters).when().get("/api/leaderboard")
                .then().statusCode(200).extract().asString();
        return read(body, Leaderboard.class);
    }

    static ExperimentResults experimentResults(String experimentId) {
        String body = given().when().get("/api/experiments/{id}/results", experimentId)
                .then().statusCode(200).extract().asString();
        return read(body, ExperimentResults.class);
    }

    static StoredResult trial(String trialId) {
        String body = given().when().get("/api/trials/{id}", trialId)
                .then().statusCode(200).extract().asString();
        return read(body, StoredResult.class);
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return Json.messages().readValue(body, type);
        }
        catch (JsonProcessingException e) {
            throw new AssertionError("response is not a valid " + type.getSimpleName() + ": " + body, e);
        }
    }
}
