package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.DescentClient;
import dev.descent.cli.render.CatalogTable;
import picocli.CommandLine.Command;

/** {@code descent pretext-tasks}: the pretext tasks that experiment files can name. */
@Command(name = "pretext-tasks", mixinStandardHelpOptions = true,
        description = "List the pretext tasks that experiment files can name, from the registry.")
final class PretextTasksCommand extends ServiceCommand {

    @Override
    int run(DescentClient client) {
        JsonNode tasks = client.pretextTasks();
        if (options.json) {
            printJson(tasks);
        }
        else {
            out.print(CatalogTable.format(tasks));
        }
        return OK;
    }
}
