package dev.descent.registry.api;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.descent.registry.export.Csv;
import dev.descent.registry.export.LeaderboardCsvRow;
import dev.descent.registry.report.ExperimentReport;
import dev.descent.registry.report.ReportBuilder;
import dev.descent.registry.store.ResultQuery;
import dev.descent.registry.store.ResultStore;
import dev.descent.registry.store.StoredResult;

/** Serves the stored results and the report of an experiment. */
@Path("/api/experiments")
public class ExperimentResource {

    private final ResultStore store;
    private final ReportBuilder reports;

    @Inject
    ExperimentResource(ResultStore store, ReportBuilder reports) {
        this.store = store;
        this.reports = reports;
    }

    /**
     * Returns the results that the experiment ran or reuses through result links. An experiment that the registry
     * has no results for yet returns count 0 rather than 404, because clients poll this path until every trial has
     * landed.
     */
    @GET
    @Path("/{id}/results")
    @Produces(MediaType.APPLICATION_JSON)
    public ExperimentResults results(@PathParam("id") String id) throws SQLException {
        List<StoredResult> results = store.find(ResultQuery.experiment(id));
        return new ExperimentResults(id, results.size(), results);
    }

    /**
     * Returns the experiment's report: its leaderboard over the trials it ran and reuses, the winners, the counts
     * of trials with results and reused ones, and the orchestrator's search decisions. When the orchestrator cannot
     * be reached or has no decisions for the experiment, the report still returns, with {@code decisions} null and
     * the reason in {@code decisionsError}. With {@code format=csv} it returns the leaderboard's lines as CSV.
     *
     * @throws ProblemException with status 400 for a query parameter other than {@code format} or an invalid format
     */
    @GET
    @Path("/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    public Response report(@Context UriInfo uri, @PathParam("id") String id, @QueryParam("format") String format)
            throws SQLException {
        QueryFilters.rejectUnknown(uri, Set.of("format"));
        String responseFormat = QueryFilters.format(format);
        ExperimentReport report = reports.build(id);
        if (QueryFilters.CSV.equals(responseFormat)) {
            return Response.ok(Csv.write(LeaderboardCsvRow.class, LeaderboardCsvRow.of(report.leaderboard())),
                    Csv.MEDIA_TYPE).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
