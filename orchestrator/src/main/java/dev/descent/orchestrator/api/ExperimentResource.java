package dev.descent.orchestrator.api;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import dev.descent.orchestrator.cancel.ExperimentCanceller;
import dev.descent.orchestrator.config.OrchestratorConfig;
import dev.descent.orchestrator.submit.ExperimentSubmitter;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Submits experiments and reports their progress. */
@Path("/api/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ExperimentResource {

    private static final String DEFAULT_SOURCE = "request";
    private static final Pattern SOURCE = Pattern.compile("[\\p{L}\\p{N}._/ -]{1,255}");

    @Inject
    OrchestratorConfig config;

    @Inject
    ExperimentSubmitter submitter;

    @Inject
    ExperimentQueries queries;

    @Inject
    ExperimentCanceller canceller;

    @Inject
    SearchReports searchReports;

    /**
     * Validates an experiment file, stores the experiment and publishes its trials.
     *
     * @param source the file name used in problem messages; {@code request} when absent
     * @return 201 with the experiment view; 400, 413, 415 or 503 with a problem document
     */
    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    public Response submit(@QueryParam("source") String source, @Context HttpHeaders headers, InputStream body) {
        String label = checkSource(source);
        String yaml = RequestBodies.readUtf8(body, headers.getMediaType(), headers.getLength(),
                config.maxBodySize().asLongValue());
        String experimentId = submitter.submit(label, yaml);
        ExperimentView view = queries.find(experimentId).orElseThrow(
                () -> new IllegalStateException("experiment " + experimentId + " vanished after it was stored"));
        return Response.created(URI.create("/api/experiments/" + experimentId)).entity(view).build();
    }

    /** Returns the experiment with its trials, or 404 with a problem document. */
    @GET
    @Path("{id}")
    public ExperimentView get(@PathParam("id") String experimentId) {
        return queries.find(experimentId).orElseThrow(() -> new ProblemException(404, "experiment-not-found",
                "Experiment not found", "No experiment has the id '" + experimentId
                        + "'; GET /api/experiments lists the known experiments.")
                .with("experimentId", experimentId));
    }

    /**
     * Returns what the experiment's search decided: each promotion and stop of successive halving with the validation
     * accuracies behind it, and the training images spent against the full grid's.
     */
    @GET
    @Path("{id}/decisions")
    public SearchReport decisions(@PathParam("id") String experimentId) {
        return searchReports.find(experimentId).orElseThrow(() -> new ProblemException(404, "experiment-not-found",
                "Experiment not found", "No experiment has the id '" + experimentId
                        + "'; GET /api/experiments lists the known experiments.")
                .with("experimentId", experimentId));
    }

    /**
     * Cancels an experiment: workers skip its queued trials and stop a running one at its next step.
     *
     * @return 200 with the experiment view; 404 for an unknown id, 409 when every trial already finished, 503 when
     *         the broker is unreachable (nothing is cancelled then)
     */
    @POST
    @Path("{id}/cancel")
    public ExperimentView cancel(@PathParam("id") String experimentId) {
        ExperimentView view = get(experimentId);
        if (view.state() == ExperimentState.DONE || view.state() == ExperimentState.FAILED) {
            throw new ProblemException(409, "experiment-finished", "Experiment already finished",
                    "Experiment '" + experimentId + "' is " + view.state() + ", so there is nothing to cancel.")
                    .with("experimentId", experimentId)
                    .with("state", view.state());
        }
        canceller.cancel(experimentId);
        return get(experimentId);
    }

    /** Returns experiment summaries, newest first. */
    @GET
    public List<ExperimentSummary> list(@QueryParam("limit") Integer limit) {
        int max = config.listLimit();
        if (limit != null && (limit < 1 || limit > max)) {
            throw new ProblemException(400, "invalid-limit", "Invalid limit",
                    "Query parameter 'limit' is " + limit + "; use a number from 1 to " + max + ".")
                    .with("field", "limit")
                    .with("value", limit);
        }
        return queries.list(limit == null ? max : limit);
    }

    private static String checkSource(String source) {
        if (source == null || source.isBlank()) {
            return DEFAULT_SOURCE;
        }
        if (!SOURCE.matcher(source).matches()) {
            throw new ProblemException(400, "invalid-source", "Invalid source",
                    "Query parameter 'source' must be 1-255 letters, digits, spaces or '._/-' such as "
                            + "'quickstart.yaml'.")
                    .with("field", "source")
                    .with("value", source);
        }
        return source;
    }
}
