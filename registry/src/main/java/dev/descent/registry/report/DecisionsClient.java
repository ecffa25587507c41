package dev.descent.registry.report;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;

/**
 * Fetches a search's decisions from the orchestrator at {@code GET {orchestrator}/api/experiments/{id}/decisions},
 * the same base URL that the web page's proxy uses ({@code descent.registry.orchestrator-url}).
 */
@ApplicationScoped
public class DecisionsClient {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionsClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String orchestratorUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    DecisionsClient(@ConfigProperty(name = "descent.registry.orchestrator-url") String orchestratorUrl) {
        this.orchestratorUrl = orchestratorUrl.endsWith("/")
                ? orchestratorUrl.substring(0, orchestratorUrl.length() - 1) : orchestratorUrl;
    }

    /** Returns the orchestrator's decisions JSON as it sent it, or why there is none. */
    public Decisions fetch(String experimentId) {
        URI uri = URI.create(orchestratorUrl + "/api/experiments/"
                + URLEncoder.encode(experimentId, StandardCharsets.UTF_8).replace("+", "%20") + "/decisions");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            LOG.warn("Report of experiment {}: GET {} failed: {}", experimentId, uri, e.toString());
            return Decisions.missing("The orchestrator at " + orchestratorUrl + " could not be reached (" + e
                    + "); start it or set descent.registry.orchestrator-url to its base URL.");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Decisions.missing("Interrupted while fetching the decisions from " + uri + ".");
        }
        if (response.statusCode() == 404) {
            return Decisions.missing("The orchestrator at " + orchestratorUrl + " has no decisions for experiment '"
                    + experimentId + "' (HTTP 404): the experiment is unknown to it, or it predates search "
                    + "decisions.");
        }
        if (response.statusCode() != 200) {
            LOG.warn("Report of experiment {}: GET {} returned HTTP {}", experimentId, uri, response.statusCode());
            return Decisions.missing("GET " + uri + " returned HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        try {
            return new Decisions(Json.messages().readTree(response.body()), null);
        }
        catch (JsonProcessingException e) {
            LOG.warn("Report of experiment {}: GET {} returned invalid JSON: {}", experimentId, uri,
                    e.getOriginalMessage());
            return Decisions.missing("GET " + uri + " returned a body that is not JSON: "
                    + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /**
     * The outcome of a fetch.
     *
     * @param json the orchestrator's decisions object, unchanged, or {@code null} when it is missing
     * @param error why the decisions are missing, or {@code null} when they were fetched
     */
    public record Decisions(JsonNode json, String error) {

        static Decisions missing(String error) {
            return new Decisions(null, error);
        }
    }
}
