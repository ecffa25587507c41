package dev.descent.cli.render;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;

/** Formats an experiment's progress, as the orchestrator reports it, as one line of text. */
public final class ProgressLine {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int BAR_WIDTH = 20;

    private ProgressLine() {
    }

    /**
     * Returns e.g. {@code 12:01:05 [#########.......] trials 3/8 done, 1 running, 0 failed | images 41% |
     * 460 images/s | ETA 2m 10s}.
     */
    public static String format(JsonNode experiment) {
        int total = experiment.path("total").asInt();
        StringBuilder line = new StringBuilder(LocalTime.now().format(CLOCK));
        line.append(' ').append(ProgressBar.render(experiment.path("done").asInt(), experiment.path("failed").asInt(),
                total, BAR_WIDTH));
        line.append(" trials ").append(experiment.path("done").asInt()).append('/').append(total).append(" done, ")
                .append(experiment.path("running").asInt()).append(" running, ")
                .append(experiment.path("failed").asInt()).append(" failed");

        long imagesTotal = experiment.path("imagesTotal").asLong();
        if (imagesTotal > 0) {
            long percent = Math.round(100.0 * experiment.path("imagesDone").asLong() / imagesTotal);
            line.append(" | images ").append(percent).append('%');
        }
        double rate = 0;
        for (JsonNode trial : experiment.path("trials")) {
            if ("RUNNING".equals(trial.path("state").asText())) {
                rate += trial.path("imagesPerSecond").asDouble();
            }
        }
        if (rate > 0) {
            line.append(" | ").append(Math.round(rate)).append(" images/s");
        }
        JsonNode eta = experiment.path("etaSeconds");
        if (eta.isNumber()) {
            line.append(" | ETA ").append(duration(Duration.ofSeconds(Math.round(eta.asDouble()))));
        }
        return line.toString();
    }

    /** Formats a duration as {@code 1h 02m}, {@code 2m 10s} or {@code 9s}. */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
        }
        if (seconds >= 60) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }
}
