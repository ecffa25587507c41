package dev.descent.cli;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.DescentClient;
import dev.descent.cli.client.ExperimentWatcher;
import dev.descent.cli.render.LeaderboardTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code descent watch ID}: live progress until the experiment finishes, then its ranking. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print an experiment's progress until every trial has finished, then its leaderboard. "
                + "Exits 0 when every trial is done, 1 when any failed or was cancelled.")
final class WatchCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The experiment id.")
    String experimentId;

    @Option(names = "--timeout", defaultValue = "PT24H",
            description = "Maximum wait, as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    int run(DescentClient client) {
        JsonNode finished = new ExperimentWatcher(client, options.json ? err : out).await(experimentId, timeout,
                () -> null);
        JsonNode leaderboard = client.leaderboard(experimentId);
        if (options.json) {
            printJson(client.experiment(experimentId));
        }
        else {
            out.printf("%nExperiment %s finished: %s, %d done, %d failed.%n%n", experimentId,
                    finished.path("state").asText(), finished.path("done").asInt(), finished.path("failed").asInt());
            out.println(LeaderboardTable.format(leaderboard));
        }
        return "DONE".equals(finished.path("state").asText()) ? OK : FAILED;
    }
}
