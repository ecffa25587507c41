package dev.descent.cli.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;

/**
 * A small client for the orchestrator's and the registry's REST APIs. Responses are returned as JSON trees so the
 * CLI keeps working when the services add fields. Thread-safe.
 */
public final class DescentClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String orchestratorUrl;
    private final String registryUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DescentClient(String orchestratorUrl, String registryUrl) {
        this.orchestratorUrl = orchestratorUrl;
        this.registryUrl = registryUrl;
    }

    /**
     * Submits an experiment file.
     *
     * @param source the file name, which the orchestrator uses in error messages
     * @throws ApiException with the server's problem details when it rejects the file
     */
    public JsonNode submit(String source, String yaml) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(orchestratorUrl + "/api/experiments?source="
                        + URLEncoder.encode(source, StandardCharsets.UTF_8)))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    /** Returns the experiment's progress as the orchestrator reports it. */
    public JsonNode experiment(String experimentId) {
        return get(orchestratorUrl + "/api/experiments/" + experimentId);
    }

    /** Returns the results the registry has stored for an experiment. */
    public JsonNode experimentResults(String experimentId) {
        return get(registryUrl + "/api/experiments/" + experimentId + "/results");
    }

    /** Returns one trial's stored result from the registry. */
    public JsonNode trial(String trialId) {
        return get(registryUrl + "/api/trials/" + trialId);
    }

    /** Returns the leaderboard, limited to one experiment when {@code experimentId} is not null. */
    public JsonNode leaderboard(String experimentId) {
        String query = experimentId == null ? "" : "?experiment=" + URLEncoder.encode(experimentId,
                StandardCharsets.UTF_8);
        return get(registryUrl + "/api/leaderboard" + query);
    }

    private JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? Json.messages().nullNode()
                    : Json.messages().readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new ApiException(request.method() + " " + request.uri(), response.statusCode(), body);
            }
            return body;
        }
        catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage()
                    + "; check that the service is running", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
