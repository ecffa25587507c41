package dev.descent.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the orchestrator's decisions endpoint on a free port of 127.0.0.1, with the JDK's HTTP server: it
 * returns {@link #DECISIONS} for experiment {@value #KNOWN_EXPERIMENT} and a 404 problem for any other, and points
 * {@code descent.registry.orchestrator-url} at itself.
 */
public class FakeOrchestrator implements QuarkusTestResourceLifecycleManager {

    static final String KNOWN_EXPERIMENT = "e-with-decisions";

    static final String DECISIONS = """
            {"experimentId": "e-with-decisions", "strategy": "successive-halving", "reductionFactor": 3,
             "rungs": [{"rung": 0, "trainingImages": 5000}],
             "decisions": [{"sequence": 1, "at": "2026-12-04T10:00:00Z", "rung": 0, "pretext": "inpainting",
                            "loss": "l2", "learningRate": 0.001, "action": "promote", "score": 0.81, "rank": 1,
                            "completed": 3, "promotable": 1, "reason": "best validation accuracy"}],
             "trainingImagesSpent": 15000, "gridTrainingImages": 45000}""";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake orchestrator", e);
        }
        server.createContext("/api/experiments/", FakeOrchestrator::handle);
        server.start();
        return Map.of("descent.registry.orchestrator-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean known = path.equals("/api/experiments/" + KNOWN_EXPERIMENT + "/decisions");
        byte[] body = (known ? DECISIONS : "{\"status\": 404, \"title\": \"Experiment not found\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", known ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(known ? 200 : 404, body.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
