package dev.descent.cli.render;

import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Formats the orchestrator's experiments as text: one line per experiment, or one experiment with its trials. */
public final class ExperimentTable {

    /** Width of the progress bar between its brackets. */
    static final int BAR_WIDTH = 24;

    private static final String LIST_FORMAT = "%-24s %-20s %-14s %-26s %9s %6s %9s%n";

    private ExperimentTable() {
    }

    /** Returns a table of experiment summaries, in the orchestrator's order (newest first). */
    public static String list(JsonNode experiments) {
        if (experiments.isEmpty()) {
            return "No experiments yet; submit one with 'descent submit FILE'.\n";
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, LIST_FORMAT, "experiment", "name",
                "state", "progress", "trials", "failed", "ETA"));
        for (JsonNode experiment : experiments) {
            table.append(String.format(Locale.ROOT, LIST_FORMAT,
                    experiment.path("id").asText(),
                    abbreviate(experiment.path("name").asText(), 20),
                    experiment.path("state").asText(),
                    bar(experiment),
                    experiment.path("done").asInt() + "/" + experiment.path("total").asInt(),
                    experiment.path("failed").asInt(),
                    eta(experiment)));
        }
        return table.toString();
    }

    /** Returns one experiment: a header line with a progress bar and ETA, then one line per trial. */
    public static String detail(JsonNode experiment) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s  %s  %s%n", experiment.path("id").asText(),
                experiment.path("name").asText(), experiment.path("state").asText()));
        text.append(String.format(Locale.ROOT, "%s %d/%d trials done, %d running, %d failed | images %s | ETA %s%n",
                bar(experiment), experiment.path("done").asInt(), experiment.path("total").asInt(),
                experiment.path("running").asInt(), experiment.path("failed").asInt(), imagesPercent(experiment),
                eta(experiment)));
        if (experiment.hasNonNull("publishError")) {
            text.append("publish error: ").append(experiment.path("publishError").asText()).append('\n');
        }
        String trialFormat = "  %-20s %-12s %-14s %5s  %-9s %-9s %s%n";
        text.append(String.format(Locale.ROOT, trialFormat, "trial", "pretext", "loss", "seed", "state",
                "progress", "worker"));
        for (JsonNode trial : experiment.path("trials")) {
            long imagesTotal = trial.path("imagesTotal").asLong();
            String progress = imagesTotal > 0
                    ? Math.round(100.0 * trial.path("imagesDone").asLong() / imagesTotal) + "%"
                    : "-";
            String worker = trial.hasNonNull("workerId") ? trial.path("workerId").asText() : "-";
            text.append(String.format(Locale.ROOT, trialFormat, trial.path("trialId").asText(),
                    trial.path("pretext").asText(), trial.path("loss").asText(), trial.path("seed").asText(),
                    trial.path("state").asText(), progress, worker));
            if (trial.hasNonNull("error")) {
                text.append("      error: ").append(trial.path("error").asText()).append('\n');
            }
        }
        return text.toString();
    }

    private static String bar(JsonNode experiment) {
        return ProgressBar.render(experiment.path("done").asInt(), experiment.path("failed").asInt(),
                experiment.path("total").asInt(), BAR_WIDTH);
    }

    private static String imagesPercent(JsonNode experiment) {
        long total = experiment.path("imagesTotal").asLong();
        return total > 0 ? Math.round(100.0 * experiment.path("imagesDone").asLong() / total) + "%" : "-";
    }

    private static String eta(JsonNode experiment) {
        JsonNode eta = experiment.path("etaSeconds");
        return eta.isNumber() ? ProgressLine.duration(Duration.ofSeconds(eta.asLong())) : "-";
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
