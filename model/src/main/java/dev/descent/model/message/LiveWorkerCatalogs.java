package dev.descent.model.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.descent.model.spec.AnnouncedSchemas;

/**
 * The latest catalog of every worker that announced one on {@link Topics#WORKER_CATALOGS} and has not withdrawn it,
 * as the orchestrator and the registry keep them. A catalog is live while
 * {@code now - announcedAt <= intervalSeconds * livenessFactor}.
 *
 * <p>Thread-safe.
 */
public final class LiveWorkerCatalogs {

    private final Map<String, WorkerCatalog> latest = new ConcurrentHashMap<>();

    /**
     * Stores a worker's announcement in place of its previous one, and makes its plug-ins nameable in this JVM.
     *
     * @return what {@link AnnouncedSchemas#register} registered or skipped, for the caller's log
     */
    public List<String> put(String workerId, WorkerCatalog catalog) {
        latest.put(workerId, catalog);
        return AnnouncedSchemas.register(catalog);
    }

    /** Drops a worker's catalog, after its tombstone. */
    public void remove(String workerId) {
        latest.remove(workerId);
    }

    /** Returns the catalogs that are live at {@code now}, sorted by worker id. */
    public List<WorkerCatalog> live(Instant now, double livenessFactor) {
        return latest.values().stream()
                .filter(catalog -> isLive(catalog, now, livenessFactor))
                .sorted(Comparator.comparing(WorkerCatalog::workerId))
                .toList();
    }

    /** Returns whether a catalog is still live at {@code now}. */
    public static boolean isLive(WorkerCatalog catalog, Instant now, double livenessFactor) {
        long toleranceMillis = Math.round(catalog.intervalSeconds() * livenessFactor * 1000);
        return Duration.between(catalog.announcedAt(), now).toMillis() <= toleranceMillis;
    }
}
