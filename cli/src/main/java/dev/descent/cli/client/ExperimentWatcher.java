package dev.descent.cli.client;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.render.ProgressLine;

/**
 * Polls an experiment until every trial is done or failed and the registry stores every result, printing progress.
 *
 * <p>A progress line is printed when the trial counts change and every 5 seconds otherwise, and one line per
 * finished trial, so a user never watches a silent terminal. Not thread-safe.
 */
public final class ExperimentWatcher {

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration RESULT_GRACE = Duration.ofSeconds(60);

    private final DescentClient client;
    private final PrintStream out;
    private final Map<String, String> trialStates = new HashMap<>();

    public ExperimentWatcher(DescentClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /**
     * Waits for the experiment to finish.
     *
     * @param healthCheck returns an error text when the stack can no longer make progress (all workers exited), else
     *        {@code null}
     * @return the orchestrator's final view of the experiment
     * @throws IllegalStateException on timeout or when the health check reports an error
     */
    public JsonNode await(String experimentId, Duration timeout, Supplier<String> healthCheck) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastCounts = "";
        long lastPrint = 0;
        while (true) {
            JsonNode experiment = client.experiment(experimentId);
            reportFinishedTrials(experiment);

            String counts = experiment.path("done").asText() + "/" + experiment.path("running").asText() + "/"
                    + experiment.path("failed").asText();
            if (!counts.equals(lastCounts) || System.nanoTime() - lastPrint > HEARTBEAT.toNanos()) {
                out.println(ProgressLine.format(experiment));
                lastCounts = counts;
                lastPrint = System.nanoTime();
            }

            int total = experiment.path("total").asInt();
            int finished = experiment.path("done").asInt() + experiment.path("failed").asInt();
            // A cancelled experiment, or one whose trials never all reached Kafka, stops short of its total.
            String state = experiment.path("state").asText();
            if (total > 0 && finished >= total || "CANCELLED".equals(state) || "PUBLISH_FAILED".equals(state)) {
                awaitResults(experimentId, experiment.path("done").asInt());
                return experiment;
            }
            String problem = healthCheck.get();
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("experiment " + experimentId + " did not finish within "
                        + ProgressLine.duration(timeout) + "; " + finished + " of " + total + " trials finished");
            }
            sleep(POLL);
        }
    }

    private void reportFinishedTrials(JsonNode experiment) {
        for (JsonNode trial : experiment.path("trials")) {
            String id = trial.path("trialId").asText();
            String state = trial.path("state").asText();
            String previous = trialStates.put(id, state);
            if (state.equals(previous)) {
                continue;
            }
            String label = trial.path("pretext").asText() + " / " + trial.path("loss").asText() + " / seed "
                    + trial.path("seed").asText() + " (" + id + ")";
            if ("DONE".equals(state)) {
                out.println("  done    " + label);
            }
            else if ("FAILED".equals(state)) {
                out.println("  FAILED  " + label + ": " + trial.path("error").asText());
            }
        }
    }

    private void awaitResults(String experimentId, int expected) {
        long deadline = System.nanoTime() + RESULT_GRACE.toNanos();
        while (true) {
            int stored = client.experimentResults(experimentId).path("count").asInt();
            if (stored >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the registry has stored " + stored + " of " + expected
                        + " results for experiment " + experimentId + " after " + RESULT_GRACE.toSeconds()
                        + " s; check its log");
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching the experiment", e);
        }
    }
}
