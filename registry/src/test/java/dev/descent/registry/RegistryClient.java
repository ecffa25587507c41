package dev.descent.registry;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Series of the results counter, by the result's effect on the database. */
    static final String STORED = "descent_results_stored_total{outcome=\"stored\"}";
    static final String LINKED = "descent_results_stored_total{outcome=\"linked\"}";
    static final String DUPLICATE = "descent_results_stored_total{outcome=\"duplicate\"}";

    /**
     * Returns the sum of every series at {@code /q/metrics} whose name and labels start with {@code prefix}; a series
     * that is absent counts as 0.
     */
    static double metricSum(String prefix) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher lines = Pattern.compile("^" + Pattern.quote(prefix) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        double total = 0;
        while (lines.find()) {
            total += Double.parseDouble(lines.group(2));
        }
        return total;
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
