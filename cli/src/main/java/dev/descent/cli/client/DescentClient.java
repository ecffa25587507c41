package dev.descent.cli.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

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
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DescentClient(String orchestratorUrl, String registryUrl) {
        this(orchestratorUrl, registryUrl, null);
    }

    /**
     * Creates a client that sends {@code Authorization: Bearer <token>} with every request.
     *
     * @param token the orchestrator's API token; {@code null} or blank sends no header
     */
    public DescentClient(String orchestratorUrl, String registryUrl, String token) {
        this.orchestratorUrl = orchestratorUrl;
        this.registryUrl = registryUrl;
        this.token = token == null || token.isBlank() ? null : token;
    }

    public String orchestratorUrl() {
        return orchestratorUrl;
    }

    public String registryUrl() {
        return registryUrl;
    }

    /**
     * Submits an experiment file.
     *
     * @param source the file name, which the orchestrator uses in error messages
     * @throws ApiException with the server's problem details when it rejects the file
     */
    public JsonNode submit(String source, String yaml) {
        HttpRequest request = authorize(HttpRequest.newBuilder(URI.create(orchestratorUrl
                        + "/api/experiments?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8))))
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

    /** Returns the orchestrator's experiment summaries, newest first. */
    public JsonNode experiments() {
        return get(orchestratorUrl + "/api/experiments");
    }

    /**
     * Cancels an experiment's unfinished trials.
     *
     * @throws ApiException with status 404 when the experiment is unknown or the orchestrator has no cancel endpoint
     *         (see {@link ApiException#problemType()}), 405 when the orchestrator rejects the method
     */
    public JsonNode cancel(String experimentId) {
        HttpRequest request = authorize(HttpRequest.newBuilder(URI.create(orchestratorUrl + "/api/experiments/"
                        + encodePath(experimentId) + "/cancel")))
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return send(request);
    }

    /** Returns the workers that the orchestrator counts as live, with their catalogs. */
    public JsonNode workers() {
        return get(orchestratorUrl + "/api/workers");
    }

    /** Returns the losses the live workers offer, or the built-ins when none is live, from the registry. */
    public JsonNode losses() {
        return get(registryUrl + "/api/losses");
    }

    /** Returns the pretext tasks the live workers offer, or the built-ins when none is live, from the registry. */
    public JsonNode pretextTasks() {
        return get(registryUrl + "/api/pretext-tasks");
    }

    /** Returns what the experiment's search decided, with the training images it spent, from the orchestrator. */
    public JsonNode decisions(String experimentId) {
        return get(orchestratorUrl + "/api/experiments/" + experimentId + "/decisions");
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

    /** Returns the leaderboard of the results that match every non-null filter, as the REST API filters them. */
    public JsonNode leaderboard(String experimentId, String dataset, String pretext) {
        return leaderboard(experimentId, dataset, pretext, null, null);
    }

    /**
     * Returns the leaderboard of the results that match every non-null filter, as the REST API filters them.
     *
     * @param budget training images (epochs x pretrain images) as a decimal number, or {@code null}
     */
    public JsonNode leaderboard(String experimentId, String dataset, String pretext, String encoder, String budget) {
        StringBuilder query = new StringBuilder();
        appendParameter(query, "experiment", experimentId);
        appendParameter(query, "dataset", dataset);
        appendParameter(query, "pretext", pretext);
        appendParameter(query, "encoder", encoder);
        appendParameter(query, "budget", budget);
        return get(registryUrl + "/api/leaderboard" + query);
    }

    /** Returns an experiment's report from the registry: its leaderboard, winners, counts and search decisions. */
    public JsonNode report(String experimentId) {
        return get(registryUrl + "/api/experiments/" + encodePath(experimentId) + "/report");
    }

    /** Returns an experiment's report as the registry's CSV text: the lines of its leaderboard. */
    public String reportCsv(String experimentId) {
        return getText(registryUrl + "/api/experiments/" + encodePath(experimentId) + "/report?format=csv");
    }

    /**
     * Returns the stored results that match every non-null filter, one flat row per trial, as the registry's JSON
     * or CSV text.
     *
     * @param format {@code json} or {@code csv}
     * @param filters query parameter names ({@code experiment}, {@code dataset}, {@code pretext}, {@code encoder},
     *        {@code budget}) and values; {@code null} values are left out
     */
    public String exportResults(String format, Map<String, String> filters) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> appendParameter(query, name, value));
        appendParameter(query, "format", format);
        return getText(registryUrl + "/api/results" + query);
    }

    private String getText(String url) {
        HttpRequest request = authorize(HttpRequest.newBuilder(URI.create(url))).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new ApiException(request.method() + " " + request.uri(), response.statusCode(),
                        parseBody(response.body()));
            }
            return response.body();
        }
        catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + reason
                    + "; check that the registry is running, or point --registry at it", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static void appendParameter(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String encodePath(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder authorize(HttpRequest.Builder builder) {
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private JsonNode get(String url) {
        return send(authorize(HttpRequest.newBuilder(URI.create(url))).timeout(TIMEOUT).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = parseBody(response.body());
            if (response.statusCode() >= 400) {
                throw new ApiException(request.method() + " " + request.uri(), response.statusCode(), body);
            }
            return body;
        }
        catch (IOException e) {
            // A refused connection arrives as a ConnectException without a message, so name the exception type.
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + reason
                    + "; check that the service is running, or point --orchestrator/--registry at it", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    /** Returns the body as JSON, or as a JSON string when it is not JSON, such as an HTML error page. */
    private static JsonNode parseBody(String body) {
        if (body.isBlank()) {
            return Json.messages().nullNode();
        }
        try {
            return Json.messages().readTree(body);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Json.messages().getNodeFactory().textNode(body);
        }
    }
}
