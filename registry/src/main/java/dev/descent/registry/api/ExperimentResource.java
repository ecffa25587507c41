package dev.descent.registry.api;

import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.descent.registry.store.ResultQuery;
import dev.descent.registry.store.ResultStore;
import dev.descent.registry.store.StoredResult;

/** Serves the stored results of an experiment. */
@Path("/api/experiments")
public class ExperimentResource {

    private final ResultStore store;

    @Inject
    ExperimentResource(ResultStore store) {
        this.store = store;
    }

    /**
     * Returns the results linked to the experiment. An experiment that the registry has no results for yet returns
     * count 0 rather than 404, because clients poll this path until every trial has landed.
     */
    @GET
    @Path("/{id}/results")
    @Produces(MediaType.APPLICATION_JSON)
    public ExperimentResults results(@PathParam("id") String id) throws SQLException {
        List<StoredResult> results = store.find(ResultQuery.experiment(id));
        return new ExperimentResults(id, results.size(), results);
    }
}
