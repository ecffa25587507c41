package dev.descent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.DescentClient;
import dev.descent.cli.render.LeaderboardTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code descent report ID}: what an experiment found, from the registry's report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print an experiment's report: trials with results and reused ones, the winner per pretext task "
                + "and overall, the leaderboard, and the search decisions from the orchestrator.")
final class ReportCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The experiment id, such as e-20261204-190956-db05fd.")
    String experimentId;

    @Option(names = "--csv", description = "Print the report's leaderboard lines as CSV instead of text.")
    boolean csv;

    @Override
    int run(DescentClient client) {
        if (csv && options.json) {
            err.println("descent: --csv and --json are exclusive; choose one output format");
            return USAGE;
        }
        if (csv) {
            out.print(client.reportCsv(experimentId));
            return OK;
        }
        JsonNode report = client.report(experimentId);
        if (options.json) {
            printJson(report);
            return OK;
        }
        JsonNode counts = report.path("counts");
        out.printf(Locale.ROOT, "Experiment %s: %d trials with results, %d of them reused from earlier experiments, "
                        + "%d reused results not stored yet.%n%n", experimentId, counts.path("withResults").asInt(),
                counts.path("reused").asInt(), counts.path("linksAwaitingResult").asInt());
        for (JsonNode winner : report.path("winnersByPretext")) {
            out.println(winnerLine("winner of " + winner.path("pretext").asText() + " on "
                    + winner.path("dataset").asText(), winner));
        }
        if (report.hasNonNull("overallWinner")) {
            out.println(winnerLine("winner over all pretext tasks", report.path("overallWinner")));
        }
        JsonNode byRank = report.path("overallByMeanRank");
        if (byRank.isObject()) {
            out.printf(Locale.ROOT, "best mean rank across pretext tasks: %s (mean rank %.2f over %d blocks)%n",
                    byRank.path("label").asText(), byRank.path("meanRank").asDouble(), byRank.path("blocks").asInt());
        }
        out.println();
        if (report.path("leaderboard").path("resultCount").asInt() > 0) {
            out.print(LeaderboardTable.format(report.path("leaderboard")));
            out.println();
        }
        if (report.path("decisions").isObject()) {
            JsonNode decisions = report.path("decisions");
            out.printf(Locale.ROOT, "Search %s: %d decisions, %d of %d grid training images spent.%n",
                    decisions.path("strategy").asText("?"), decisions.path("decisions").size(),
                    decisions.path("trainingImagesSpent").asLong(), decisions.path("gridTrainingImages").asLong());
            for (JsonNode decision : decisions.path("decisions")) {
                out.printf(Locale.ROOT, "  %3d rung %d %-12s %-16s %-9s score %s: %s%n",
                        decision.path("sequence").asInt(), decision.path("rung").asInt(),
                        decision.path("pretext").asText(), decision.path("loss").asText(),
                        decision.path("action").asText(), decision.path("score").asText("-"),
                        decision.path("reason").asText(""));
            }
        }
        else {
            out.println("Search decisions unavailable: " + report.path("decisionsError").asText("not reported"));
        }
        return OK;
    }

    private static String winnerLine(String title, JsonNode winner) {
        String line = String.format(Locale.ROOT, "%s: %s (mean %.4f, n %d)", title, winner.path("label").asText(),
                winner.path("mean").asDouble(), winner.path("n").asInt());
        if (winner.path("tiedWith").size() > 0) {
            line += ", not separated at p < 0.05 from " + String.join(", ", textValues(winner.path("tiedWith")));
        }
        return line;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
