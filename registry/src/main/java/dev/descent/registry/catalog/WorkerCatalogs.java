package dev.descent.registry.catalog;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.descent.model.message.LiveWorkerCatalogs;
import dev.descent.model.message.WorkerCatalog;

/**
 * The registry's {@link LiveWorkerCatalogs}, live for {@code descent.registry.worker-liveness-factor} times each
 * worker's announcement interval.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class WorkerCatalogs {

    private final LiveWorkerCatalogs catalogs = new LiveWorkerCatalogs();

    @ConfigProperty(name = "descent.registry.worker-liveness-factor", defaultValue = "3")
    double livenessFactor;

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
        return catalogs.live(now, livenessFactor);
    }
}
