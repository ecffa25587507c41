package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.DescentClient;
import dev.descent.cli.render.LeaderboardTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code descent leaderboard}: the registry's ranking as a table, with the REST API's filters. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = "Print the ranking of loss functions by linear-probe accuracy, per pretext task and overall.")
final class LeaderboardCommand extends ServiceCommand {

    @Option(names = "--experiment", paramLabel = "ID", description = "Only results linked to this experiment.")
    String experiment;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only results on this dataset, e.g. fashion-mnist.")
    String dataset;

    @Option(names = "--pretext", paramLabel = "NAME", description = "Only results of this pretext task, e.g. inpainting.")
    String pretext;

    @Option(names = "--encoder", paramLabel = "NAME", description = "Only results of this encoder.")
    String encoder;

    @Option(names = "--budget", paramLabel = "IMAGES",
            description = "Only results whose training images (epochs x pretrain images) equal this.")
    Long budget;

    @Override
    int run(DescentClient client) {
        JsonNode leaderboard = client.leaderboard(experiment, dataset, pretext, encoder,
                budget == null ? null : budget.toString());
        if (options.json) {
            printJson(leaderboard);
        }
        else if (leaderboard.path("resultCount").asInt() == 0) {
            out.println("No stored results match these filters.");
        }
        else {
            out.print(LeaderboardTable.format(leaderboard));
        }
        return OK;
    }
}
