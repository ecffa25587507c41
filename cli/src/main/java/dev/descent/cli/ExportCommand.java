package dev.descent.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.descent.cli.client.DescentClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code descent export}: every stored result that matches the filters, one flat row per trial. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the stored results that match the filters, one row per trial with its config "
                + "flattened, as CSV (default) or JSON.")
final class ExportCommand extends ServiceCommand {

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--experiment", paramLabel = "ID",
            description = "Only results that this experiment ran or reuses.")
    String experiment;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only results on this dataset.")
    String dataset;

    @Option(names = "--pretext", paramLabel = "NAME", description = "Only results of this pretext task.")
    String pretext;

    @Option(names = "--encoder", paramLabel = "NAME", description = "Only results of this encoder.")
    String encoder;

    @Option(names = "--budget", paramLabel = "IMAGES",
            description = "Only results whose training images (epochs x pretrain images) equal this.")
    Long budget;

    @Override
    int run(DescentClient client) {
        String chosen = options.json ? "json" : format;
        if (!chosen.equals("csv") && !chosen.equals("json")) {
            err.println("descent: invalid --format '" + format + "'; use csv or json");
            return USAGE;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("experiment", experiment);
        filters.put("dataset", dataset);
        filters.put("pretext", pretext);
        filters.put("encoder", encoder);
        filters.put("budget", budget == null ? null : budget.toString());
        String body = client.exportResults(chosen, filters);
        out.print(body);
        if (!body.endsWith("\n")) {
            out.println();
        }
        return OK;
    }
}
