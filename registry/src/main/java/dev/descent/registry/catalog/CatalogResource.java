package dev.descent.registry.catalog;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Lists the loss functions and pretext tasks that experiment files can name. */
@Path("/api")
public class CatalogResource {

    private final BuiltInCatalog catalog;

    @Inject
    CatalogResource(BuiltInCatalog catalog) {
        this.catalog = catalog;
    }

    /** Returns the loss functions, such as {@code l2}. */
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
}
