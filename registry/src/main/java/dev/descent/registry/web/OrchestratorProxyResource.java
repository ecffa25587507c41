package dev.descent.registry.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.registry.api.Problem;
import dev.descent.registry.api.ProblemException;

/**
 * Forwards the orchestrator's read-only experiment views, so the web page served by the registry shows progress
 * without cross-origin requests. The orchestrator's status and body pass through unchanged, problem documents
 * included.
 */
@Path("/api/orchestrator/experiments")
public class OrchestratorProxyResource {

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorProxyResource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String orchestratorUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    OrchestratorProxyResource(@ConfigProperty(name = "descent.registry.orchestrator-url") String orchestratorUrl) {
        this.orchestratorUrl = orchestratorUrl.endsWith("/")
                ? orchestratorUrl.substring(0, orchestratorUrl.length() - 1) : orchestratorUrl;
    }

    /** Returns the orchestrator's experiment summaries, newest first. */
    @GET
    public Response list() {
        return forward("/api/experiments");
    }

    /** Returns one experiment with its trials' states, or the orchestrator's 404 problem. */
    @GET
    @Path("/{id}")
    public Response experiment(@PathParam("id") String id) {
        return forward("/api/experiments/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private Response forward(String path) {
        URI uri = URI.create(orchestratorUrl + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON);
            return Response.status(response.statusCode()).type(type).entity(response.body()).build();
        }
        catch (IOException e) {
            LOG.warn("GET {} failed: {}", uri, e.toString());
            throw unavailable(uri, e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(uri, "interrupted");
        }
    }

    private static ProblemException unavailable(URI uri, String cause) {
        return new ProblemException(new Problem("urn:descent:problem:orchestrator-unavailable",
                "Orchestrator unavailable", 502, "The registry could not reach the orchestrator at " + uri + ": "
                        + cause + ".", null, "descent.registry.orchestrator-url", uri.toString(),
                "Start the orchestrator, or set descent.registry.orchestrator-url to its base URL."));
    }
}
