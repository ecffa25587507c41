package dev.descent.cli;

import dev.descent.cli.client.DescentClient;
import dev.descent.cli.render.ExperimentTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code descent status [ID]}: every experiment's progress, or one experiment with its trials. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every experiment with a progress bar and ETA, or one experiment with its trials.")
final class StatusCommand extends ServiceCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "An experiment id; omit for all.")
    String experimentId;

    @Override
    int run(DescentClient client) {
        if (experimentId == null) {
            var experiments = client.experiments();
            if (options.json) {
                printJson(experiments);
            }
            else {
                out.print(ExperimentTable.list(experiments));
            }
            return OK;
        }
        var experiment = client.experiment(experimentId);
        if (options.json) {
            printJson(experiment);
        }
        else {
            out.print(ExperimentTable.detail(experiment));
        }
        return OK;
    }
}
