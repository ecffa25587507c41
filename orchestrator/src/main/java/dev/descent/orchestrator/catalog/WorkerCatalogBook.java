package dev.descent.orchestrator.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.descent.model.message.WorkerCatalog;
import dev.descent.orchestrator.config.OrchestratorConfig;

/**
 * The latest catalog of every worker that announced one on {@code descent.worker-catalogs} and has not withdrawn it.
 * A catalog is live while {@code now - announcedAt <= intervalSeconds * descent.orchestrator.worker-liveness-factor}.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class WorkerCatalogBook {

    private final Map<String, WorkerCatalog> latest = new ConcurrentHashMap<>();

    @Inject
    OrchestratorConfig config;

    /** Stores a worker's announcement in place of its previous one. */
    void put(String workerId, WorkerCatalog catalog) {
        latest.put(workerId, catalog);
    }

    /** Drops a worker's catalog, after its tombstone. */
    void remove(String workerId) {
        latest.remove(workerId);
    }

    /** Returns the live catalogs at {@code now}, by worker id. */
    public List<WorkerCatalog> live(Instant now) {
        double factor = config.workerLivenessFactor();
        return latest.values().stream()
                .filter(catalog -> isLive(catalog, now, factor))
                .sorted(Comparator.comparing(WorkerCatalog::workerId))
                .toList();
    }

    /** Returns whether a catalog announced at {@code announcedAt} is still live at {@code now}. */
    static boolean isLive(WorkerCatalog catalog, Instant now, double factor) {
        long toleranceMillis = Math.round(catalog.intervalSeconds() * factor * 1000);
        return Duration.between(catalog.announcedAt(), now).toMillis() <= toleranceMillis;
    }
}
