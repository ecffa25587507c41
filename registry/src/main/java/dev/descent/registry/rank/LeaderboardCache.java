package dev.descent.registry.rank;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.registry.store.ResultQuery;
import dev.descent.registry.store.ScoreStore;

/**
 * Computed leaderboards per filter set, tagged with the store version they were computed at.
 *
 * <p>A request reads the store version (one single-row query) and returns the cached board when the tag matches, so
 * a request costs a database round trip and no computation until something is written. Every write increments the
 * version, also when another registry instance writes to the same database, so the next request after a write
 * recomputes and sees it. After a write in this instance, {@link #changed()} recomputes the cached filter sets in
 * the background {@value #REFRESH_DELAY_MS} ms later, at most one refresh at a time, so that requests after an
 * ingest burst find current boards. At most {@value #MAX_ENTRIES} filter sets are kept, least recently used out
 * first.
 */
@ApplicationScoped
public class LeaderboardCache {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderboardCache.class);

    static final int MAX_ENTRIES = 64;
    static final long REFRESH_DELAY_MS = 200;
    private static final int LOCK_STRIPES = 16;

    private final ScoreStore store;
    private final LeaderboardCalculator calculator;
    private final Map<LeaderboardFilters, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LeaderboardFilters, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "leaderboard-refresh");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    LeaderboardCache(ScoreStore store, LeaderboardCalculator calculator) {
        this.store = store;
        this.calculator = calculator;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Returns the leaderboard of the stored results that match the filters, as of this call. */
    public Leaderboard get(LeaderboardFilters filters) throws SQLException {
        long version = store.version();
        Entry cached = lookup(filters);
        if (cached != null && cached.version() == version) {
            return cached.board();
        }
        synchronized (locks[Math.floorMod(filters.hashCode(), locks.length)]) {
            // Another request for the same filters may have computed it while this one waited.
            version = store.version();
            cached = lookup(filters);
            if (cached != null && cached.version() >= version) {
                return cached.board();
            }
            long start = System.nanoTime();
            Leaderboard board = calculator.compute(store.scores(query(filters)), filters);
            LOG.debug("Computed the leaderboard for {} at store version {} from {} results in {} ms", filters,
                    version, board.resultCount(), (System.nanoTime() - start) / 1_000_000);
            synchronized (entries) {
                Entry current = entries.get(filters);
                if (current == null || current.version() <= version) {
                    entries.put(filters, new Entry(version, board));
                }
            }
            return board;
        }
    }

    /** Schedules a background recomputation of the cached filter sets; call it after a write. */
    public void changed() {
        if (refreshScheduled.compareAndSet(false, true)) {
            refresher.schedule(this::refresh, REFRESH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Returns the result query of the filters: baselines are kept under a pretext, encoder or budget filter. */
    static ResultQuery query(LeaderboardFilters filters) {
        return new ResultQuery(filters.experiment(), filters.dataset(), filters.pretext(), filters.encoder(),
                filters.budget(), true);
    }

    private Entry lookup(LeaderboardFilters filters) {
        synchronized (entries) {
            return entries.get(filters);
        }
    }

    private void refresh() {
        refreshScheduled.set(false);
        List<LeaderboardFilters> keys;
        synchronized (entries) {
            keys = new ArrayList<>(entries.keySet());
        }
        for (LeaderboardFilters filters : keys) {
            try {
                get(filters);
            }
            catch (SQLException | RuntimeException e) {
                LOG.warn("Background refresh of the leaderboard for {} failed; the next request recomputes it: {}",
                        filters, e.toString());
            }
        }
    }

    @PreDestroy
    void close() {
        refresher.shutdownNow();
    }

    private record Entry(long version, Leaderboard board) {
    }
}
