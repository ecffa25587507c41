package dev.descent.orchestrator.catalog;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.descent.model.message.WorkerCatalog;

/** Lists the live workers with the losses, pretext tasks, evaluators and datasets that each announced. */
@Path("/api/workers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerResource {

    @Inject
    WorkerCatalogBook book;

    /** Returns the live workers' latest catalogs, by worker id; an empty list when no worker is live. */
    @GET
    public List<WorkerCatalog> list() {
        return book.live(Instant.now());
    }
}
