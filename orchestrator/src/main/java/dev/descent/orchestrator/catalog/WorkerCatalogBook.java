package dev.descent.orchestrator.catalog;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.descent.model.message.LiveWorkerCatalogs;
import dev.descent.model.message.WorkerCatalog;
import dev.descent.orchestrator.config.OrchestratorConfig;

/**
 * The orchestrator's {@link LiveWorkerCatalogs}, live for {@code descent.orchestrator.worker-liveness-factor} times
 * each worker's announcement interval.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class WorkerCatalogBook {

    private final LiveWorkerCatalogs catalogs = new LiveWorkerCatalogs();

    @Inject
    OrchestratorConfig config;

    /** Stores a worker's announcement and returns the plug-ins it registered or skipped, for the log. */
    List<String> put(String workerId, WorkerCatalog catalog) {
        return catalogs.put(workerId, catalog);
    }

    /** Drops a worker's catalog, after its tombstone. */
    void remove(String workerId) {
        catalogs.remove(workerId);
    }

    /** Returns the live catalogs at {@code now}, by worker id. */
    public List<WorkerCatalog> live(Instant now) {
        return catalogs.live(now, config.workerLivenessFactor());
    }
}
