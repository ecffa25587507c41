package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.DescentClient;
import dev.descent.cli.render.CatalogTable;
import picocli.CommandLine.Command;

/** {@code descent losses}: the loss functions that experiment files can name. */
@Command(name = "losses", mixinStandardHelpOptions = true,
        description = "List the loss functions that experiment files can name, from the registry.")
final class LossesCommand extends ServiceCommand {

    @Override
    int run(DescentClient client) {
        JsonNode losses = client.losses();
        if (options.json) {
            printJson(losses);
        }
        else {
            out.print(CatalogTable.format(losses));
        }
        return OK;
    }
}
