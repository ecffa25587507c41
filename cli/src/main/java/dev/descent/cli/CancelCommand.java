package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.ApiException;
import dev.descent.cli.client.DescentClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code descent cancel ID}: requests that the orchestrator cancel an experiment's unfinished trials. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel an experiment: queued trials are skipped and running ones stop at their next batch.")
final class CancelCommand extends ServiceCommand {

    private static final String NOT_FOUND_TYPE = "urn:descent:problem:experiment-not-found";

    @Parameters(index = "0", paramLabel = "ID", description = "The experiment id.")
    String experimentId;

    @Override
    int run(DescentClient client) {
        JsonNode experiment;
        try {
            experiment = client.cancel(experimentId);
        }
        catch (ApiException e) {
            if (e.status() == 404 && NOT_FOUND_TYPE.equals(e.problemType())) {
                err.println("descent: experiment " + experimentId + " not found; 'descent status' lists the "
                        + "experiments");
                return FAILED;
            }
            if (e.status() == 404 || e.status() == 405) {
                err.println("descent: the orchestrator at " + client.orchestratorUrl() + " has no cancel endpoint "
                        + "(POST /api/experiments/{id}/cancel returned HTTP " + e.status() + "); upgrade it to a "
                        + "version that supports cancelling");
                return FAILED;
            }
            throw e;
        }
        if (options.json) {
            printJson(experiment);
        }
        else {
            out.printf("Cancelled experiment %s: %s, %d done, %d failed of %d trials.%n", experimentId,
                    experiment.path("state").asText(), experiment.path("done").asInt(),
                    experiment.path("failed").asInt(), experiment.path("total").asInt());
        }
        return OK;
    }
}
