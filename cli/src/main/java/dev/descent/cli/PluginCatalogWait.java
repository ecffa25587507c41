package dev.descent.cli;

import java.io.PrintStream;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.DescentClient;

/**
 * Waits until the local workers have announced their catalogs to the orchestrator, so that an experiment naming a
 * plug-in's loss is checked against what the workers loaded rather than against the built-ins only.
 */
final class PluginCatalogWait {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private PluginCatalogWait() {
    }

    /** Returns once {@code workers} workers are live at the orchestrator, or after 90 seconds with a warning. */
    static void await(DescentClient client, int workers, PrintStream out) throws InterruptedException {
        out.printf("Waiting for %d worker%s to announce the plug-ins...%n", workers, workers == 1 ? "" : "s");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (live(client) >= workers) {
                return;
            }
            Thread.sleep(500);
        }
        out.println("descent: no worker announced its plug-ins within " + LIMIT.toSeconds() + " s; submitting anyway."
                + " Check the worker logs for plug-in errors.");
    }

    private static int live(DescentClient client) {
        try {
            JsonNode response = client.workers();
            JsonNode list = response.isArray() ? response : response.path("workers");
            return list.size();
        }
        catch (RuntimeException e) {
            // The orchestrator is starting, or this version has no /api/workers yet: count no worker.
            return 0;
        }
    }
}
