package dev.descent.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Formats the registry's leaderboard JSON as a fixed-width text table, one block per pretext task and overall. */
public final class LeaderboardTable {

    private static final String HEADER_FORMAT = "%-12s %4s  %-22s %3s  %-17s %-16s %-7s %-6s %-17s %s%n";
    private static final String ROW_FORMAT = "%-12s %4d  %-22s %3d  %-17s %-16s %-7s %-6s %-17s %s%n";
    private static final String MEAN_RANK_FORMAT = "%-12s %4s  %-22s %6s  %-9s %-16s%n";

    /** Marks a gain whose 95% interval does not lie above zero, so the loss is not shown to beat the random encoder. */
    private static final String NOT_SHOWN_MARK = " *";

    private LeaderboardTable() {
    }

    /** Returns the table; rows keep the registry's order, which is the ranking. */
    public static String format(JsonNode leaderboard) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, HEADER_FORMAT, "pretext", "rank", "loss", "n",
                "linear probe", "95% CI", "p", "leader", "kNN", "gain over untrained [95% CI]"));
        for (JsonNode group : leaderboard.path("byPretext")) {
            appendRows(table, group.path("pretext").asText(), group.path("rows"));
            appendBaselines(table, group.path("pretext").asText(), group.path("baselines"));
        }
        appendRows(table, "overall", leaderboard.path("overall"));
        appendBaselines(table, "overall", leaderboard.path("baselines"));
        if (table.indexOf(NOT_SHOWN_MARK + System.lineSeparator()) >= 0) {
            table.append("*: the gain's 95% interval does not lie above zero, so this loss is not shown to beat an ")
                    .append("untrained encoder; add seeds to decide").append(System.lineSeparator());
        }
        appendMeanRanks(table, leaderboard.path("meanRanks"));
        return table.toString();
    }

    /** Appends the ranking by mean rank within (pretext task, seed) blocks when there is more than one block. */
    private static void appendMeanRanks(StringBuilder table, JsonNode rows) {
        boolean ranked = false;
        for (JsonNode row : rows) {
            ranked |= row.path("blocks").asInt() > 1;
        }
        if (!ranked) {
            return;
        }
        table.append(System.lineSeparator()).append("Mean rank across pretext tasks (1 = best within each pretext "
                + "task and seed):").append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, MEAN_RANK_FORMAT, "", "rank", "loss", "blocks", "mean rank",
                "95% CI"));
        for (JsonNode row : rows) {
            String name = row.hasNonNull("label") ? row.path("label").asText() : row.path("loss").asText();
            table.append(String.format(Locale.ROOT, MEAN_RANK_FORMAT, "", row.path("rank").asText(), name,
                    row.path("blocks").asText(), number(row.path("meanRank"), "%.2f"),
                    interval(row.path("ciLow"), row.path("ciHigh"), "%.2f")));
        }
    }

    /** Returns the loss names of the overall ranking, best first. */
    public static List<String> overallOrder(JsonNode leaderboard) {
        List<String> losses = new ArrayList<>();
        leaderboard.path("overall").forEach(row -> losses.add(row.path("loss").asText()));
        return losses;
    }

    private static void appendRows(StringBuilder table, String pretext, JsonNode rows) {
        for (JsonNode row : rows) {
            String name = row.hasNonNull("label") ? row.path("label").asText() : row.path("loss").asText();
            table.append(String.format(Locale.ROOT, ROW_FORMAT, pretext, row.path("rank").asInt(),
                    name, row.path("n").asInt(),
                    meanStd(row.path("mean"), row.path("std")),
                    interval(row.path("ciLow"), row.path("ciHigh"), "%.4f"),
                    pValue(row.path("vsLeader").path("pValue")),
                    tieMark(row),
                    meanStd(row.path("knnMean"), row.path("knnStd")),
                    gain(row)));
        }
    }

    /**
     * Formats the gain over the untrained encoder: the paired gain over the random-encoder baseline trials with its
     * interval when the registry reports one, else the gain over each result's own untrained encoder.
     */
    private static String gain(JsonNode row) {
        if (!row.path("gainOverRandom").isNumber()) {
            return number(row.path("gain"), "%+.4f");
        }
        String text = number(row.path("gainOverRandom"), "%+.4f");
        String range = interval(row.path("gainCiLow"), row.path("gainCiHigh"), "%+.4f");
        if (!range.equals("-")) {
            text += " " + range;
        }
        return row.path("beatsRandom").asBoolean(false) ? text : text + NOT_SHOWN_MARK;
    }

    /** Formats the two-sided p-value of the difference from the table's leader; {@code -} without a test. */
    private static String pValue(JsonNode value) {
        if (!value.isNumber()) {
            return "-";
        }
        return value.asDouble() < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", value.asDouble());
    }

    /**
     * Returns {@code leader} for the table's leader, {@code tied} for a row that p >= 0.05 (or too few results for a
     * test) does not separate from it, and {@code -} otherwise or when the registry reports no comparison.
     */
    private static String tieMark(JsonNode row) {
        if (row.path("leader").asBoolean(false)) {
            return "leader";
        }
        return row.path("tiedWithLeader").asBoolean(false) ? "tied" : "-";
    }

    private static String interval(JsonNode low, JsonNode high, String format) {
        if (!low.isNumber() || !high.isNumber()) {
            return "-";
        }
        return "[" + String.format(Locale.ROOT, format, low.asDouble()) + ", "
                + String.format(Locale.ROOT, format, high.asDouble()) + "]";
    }

    /** Appends reference rows (rank {@code -}) when the registry reports baselines; older registries report none. */
    private static void appendBaselines(StringBuilder table, String pretext, JsonNode baselines) {
        for (JsonNode row : baselines) {
            String name = row.hasNonNull("baseline") ? row.path("baseline").asText()
                    : row.hasNonNull("name") ? row.path("name").asText() : row.path("loss").asText();
            table.append(String.format(Locale.ROOT, HEADER_FORMAT, pretext, "-", "(" + name + ")",
                    row.path("n").isNumber() ? row.path("n").asText() : "-",
                    meanStd(row.path("mean"), row.path("std")),
                    interval(row.path("ciLow"), row.path("ciHigh"), "%.4f"), "-", "-",
                    meanStd(row.path("knnMean"), row.path("knnStd")), "-"));
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
