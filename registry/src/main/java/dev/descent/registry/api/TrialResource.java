package dev.descent.registry.api;

import java.sql.SQLException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.descent.registry.store.ResultStore;
import dev.descent.registry.store.StoredResult;

/** Serves stored results by trial id. */
@Path("/api/trials")
public class TrialResource {

    private final ResultStore store;

    @Inject
    TrialResource(ResultStore store) {
        this.store = store;
    }

    /**
     * Returns the stored result of a trial with the ids of every experiment linked to it.
     *
     * @throws ProblemException with status 404 when no result is stored for the id
     */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public StoredResult trial(@PathParam("id") String id) throws SQLException {
        return store.find(id).orElseThrow(() -> new ProblemException(new Problem(
                "urn:descent:problem:trial-not-found", "Trial not found", 404,
                "No result is stored for trial '" + id + "'.", null, "id", id,
                "Check the trial id (t- followed by 16 hex digits). A trial whose worker has not published its "
                        + "result yet is not found either; GET /api/experiments/{id}/results lists the stored "
                        + "trials of an experiment.")));
    }
}
