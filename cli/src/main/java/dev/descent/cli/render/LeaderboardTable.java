package dev.descent.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Formats the registry's leaderboard JSON as a fixed-width text table, one block per pretext task and overall. */
public final class LeaderboardTable {

    private static final String HEADER_FORMAT = "%-12s %4s  %-16s %3s  %-17s %-17s %-9s %s%n";
    private static final String ROW_FORMAT = "%-12s %4d  %-16s %3d  %-17s %-17s %-9s %s%n";

    private LeaderboardTable() {
    }

    /** Returns the table; rows keep the registry's order, which is the ranking. */
    public static String format(JsonNode leaderboard) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, HEADER_FORMAT, "pretext", "rank", "loss", "n",
                "linear probe", "kNN", "untrained", "gain over untrained"));
        for (JsonNode group : leaderboard.path("byPretext")) {
            appendRows(table, group.path("pretext").asText(), group.path("rows"));
            appendBaselines(table, group.path("pretext").asText(), group.path("baselines"));
        }
        appendRows(table, "overall", leaderboard.path("overall"));
        appendBaselines(table, "overall", leaderboard.path("baselines"));
        return table.toString();
    }

    /** Returns the loss names of the overall ranking, best first. */
    public static List<String> overallOrder(JsonNode leaderboard) {
        List<String> losses = new ArrayList<>();
        leaderboard.path("overall").forEach(row -> losses.add(row.path("loss").asText()));
        return losses;
    }

    private static void appendRows(StringBuilder table, String pretext, JsonNode rows) {
        for (JsonNode row : rows) {
            table.append(String.format(Locale.ROOT, ROW_FORMAT, pretext, row.path("rank").asInt(),
                    row.path("loss").asText(), row.path("n").asInt(),
                    meanStd(row.path("mean"), row.path("std")),
                    meanStd(row.path("knnMean"), row.path("knnStd")),
                    number(row.path("baselineMean"), "%.4f"),
                    number(row.path("gain"), "%+.4f")));
        }
    }

    /** Appends reference rows (rank {@code -}) when the registry reports baselines; older registries report none. */
    private static void appendBaselines(StringBuilder table, String pretext, JsonNode baselines) {
        for (JsonNode row : baselines) {
            String name = row.hasNonNull("baseline") ? row.path("baseline").asText()
                    : row.hasNonNull("name") ? row.path("name").asText() : row.path("loss").asText();
            table.append(String.format(Locale.ROOT, HEADER_FORMAT, pretext, "-", "(" + name + ")",
                    row.path("n").isNumber() ? row.path("n").asText() : "-",
                    meanStd(row.path("mean"), row.path("std")),
                    meanStd(row.path("knnMean"), row.path("knnStd")), "-", "-"));
        }
    }

    private static String meanStd(JsonNode mean, JsonNode std) {
        String text = number(mean, "%.4f");
        return std.isNumber() ? text + " ± " + String.format(Locale.ROOT, "%.4f", std.asDouble()) : text;
    }

    private static String number(JsonNode value, String format) {
        return value.isNumber() ? String.format(Locale.ROOT, format, value.asDouble()) : "-";
    }
}
