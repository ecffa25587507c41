package dev.descent.cli;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.ApiException;
import dev.descent.cli.client.DescentClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code descent submit FILE}: sends an experiment file to the orchestrator and prints the experiment id. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit an experiment file to the running orchestrator and print its id.")
final class SubmitCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment YAML file.")
    Path file;

    @Override
    int run(DescentClient client) {
        String yaml;
        try {
            yaml = ExperimentFiles.readUtf8(file);
        }
        catch (IOException e) {
            err.println("descent: cannot read " + file + ": " + e.getMessage());
            return USAGE;
        }
        JsonNode experiment;
        try {
            experiment = client.submit(file.getFileName().toString(), yaml);
        }
        catch (ApiException e) {
            if (e.status() >= 400 && e.status() < 500 && e.status() != 401 && e.status() != 403) {
                err.println("descent: the orchestrator rejected " + file + ":\n" + e.detail());
                return USAGE;
            }
            throw e;
        }
        if (options.json) {
            printJson(experiment);
        }
        else {
            out.printf("Submitted %s as experiment %s with %d trials.%n", experiment.path("name").asText(),
                    experiment.path("id").asText(), experiment.path("total").asInt());
            out.printf("Follow it with: descent watch %s%n", experiment.path("id").asText());
        }
        return OK;
    }
}
