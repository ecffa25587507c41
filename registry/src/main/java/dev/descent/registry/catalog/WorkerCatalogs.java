package dev.descent.registry.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.AnnouncedSchemas;

/**
 * The latest catalog of every worker that announced one on {@code descent.worker-catalogs} and has not withdrawn it.
 * A catalog is live while {@code now - announcedAt <= intervalSeconds * descent.registry.worker-liveness-factor}.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class WorkerCatalogs {

    private final Map<String, WorkerCatalog> latest = new ConcurrentHashMap<>();

    @ConfigProperty(name = "descent.registry.worker-liveness-factor", defaultValue = "3")
    double livenessFactor;

    /** Stores a worker's announcement in place of its previous one. */
    void put(String workerId, WorkerCatalog catalog) {
        latest.put(workerId, catalog);
        AnnouncedSchemas.register(catalog);
    }

    /** Drops a worker's catalog, after its tombstone. */
    void remove(String workerId) {
        latest.remove(workerId);
    }

    /** Returns the live catalogs at {@code now}, by worker id. */
    public List<WorkerCatalog> live(Instant now) {
        return latest.values().stream()
                .filter(catalog -> isLive(catalog, now))
                .sorted(Comparator.comparing(WorkerCatalog::workerId))
                .toList();
    }

    private boolean isLive(WorkerCatalog catalog, Instant now) {
        long toleranceMillis = Math.round(catalog.intervalSeconds() * livenessFactor * 1000);
        return Duration.between(catalog.announcedAt(), now).toMillis() <= toleranceMillis;
    }
}
