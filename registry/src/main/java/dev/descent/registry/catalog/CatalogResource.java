package dev.descent.registry.catalog;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Lists the loss functions, pretext tasks and evaluators that the live workers offer, with the workers that offer
 * each. When no worker is live, it lists the built-ins with an empty {@code workers} list.
 */
@Path("/api")
public class CatalogResource {

    private final LiveCatalog catalog;

    @Inject
    CatalogResource(LiveCatalog catalog) {
        this.catalog = catalog;
    }

    /** Returns the loss functions, such as {@code l2}, and the weighted sum. */
    @GET
    @Path("/losses")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CatalogEntry> losses() {
        return catalog.losses();
    }

    /** Returns the pretext tasks, such as {@code inpainting}. */
    @GET
    @Path("/pretext-tasks")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CatalogEntry> pretextTasks() {
        return catalog.pretextTasks();
    }

    /** Returns the evaluators that score frozen features, such as {@code linear-probe}. */
    @GET
    @Path("/evaluators")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CatalogEntry> evaluators() {
        return catalog.evaluators();
    }
}
