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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.registry.store.ResultQuery;
import dev.descent.registry.store.ScoreStore;

/**
 * Computed leaderboards per filter set, tagged with the store version they were computed at.
 *
 * <p>A request reads the store version (one single-row query) and returns the cached board when the tag matches, so
 * a request costs a database round trip and no computation until something is written. Every write increments the
 * version, also when another registry instance writes to the same database, so a request after a write finds the
 * cached board out of date; the next paragraph describes when it still serves it. After a write in this instance,
 * {@link #changed()} recomputes the cached filter sets in the background {@value #REFRESH_DELAY_MS} ms later, at most
 * one refresh at a time, so that requests after an ingest burst find current boards. At most
 * {@value #MAX_ENTRIES} filter sets are kept, least recently used out first.
 *
 * <p>A board whose last computation took at least {@code descent.registry.leaderboard.stale-after-ms} (250 ms by
 * default) is served stale while it is recomputed in the background, so that readers of large boards wait for a
 * computation only on the first request for their filters. Such a board shows a write one
 * computation time later. Smaller boards, such as an experiment's, are recomputed on the request after a write and
 * show it at once.
 *
 * <p>{@link #json} also keeps each board's JSON, written once with the application's {@link ObjectMapper}, so that a
 * request for an unchanged board does not serialise hundreds of rows again.
 */
@ApplicationScoped
public class LeaderboardCache {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderboardCache.class);

    static final int MAX_ENTRIES = 64;
    static final long REFRESH_DELAY_MS = 200;
    private static final int LOCK_STRIPES = 16;

    private final ScoreStore store;
    private final LeaderboardCalculator calculator;
    private final long staleAfterNanos;
    private final ObjectMapper mapper;
    private final Map<LeaderboardFilters, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LeaderboardFilters, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private volatile long lastRefreshMs;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "leaderboard-refresh");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    LeaderboardCache(ScoreStore store, LeaderboardCalculator calculator,
            @ConfigProperty(name = "descent.registry.leaderboard.stale-after-ms", defaultValue = "250")
            long staleAfterMs, ObjectMapper mapper) {
        this.mapper = mapper;
        this.store = store;
        this.calculator = calculator;
        this.staleAfterNanos = TimeUnit.MILLISECONDS.toNanos(staleAfterMs);
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
        if (cached != null && cached.computeNanos() >= staleAfterNanos) {
            changed();
            return cached.board();
        }
        return compute(filters);
    }

    /**
     * Returns {@link #get}'s board as JSON, serialised once per computed board.
     *
     * @throws IllegalStateException when the board cannot be serialised, which its record types rule out
     */
    public byte[] json(LeaderboardFilters filters) throws SQLException {
        Leaderboard board = get(filters);
        Entry entry = lookup(filters);
        if (entry != null && entry.board() == board && entry.json != null) {
            return entry.json;
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(board);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the leaderboard for " + filters, e);
        }
        if (entry != null && entry.board() == board) {
            entry.json = json;
        }
        return json;
    }

    /** Computes the board unless another thread did so for the current store version while this one waited. */
    private Leaderboard compute(LeaderboardFilters filters) throws SQLException {
        synchronized (locks[Math.floorMod(filters.hashCode(), locks.length)]) {
            // Another request for the same filters may have computed it while this one waited.
            long version = store.version();
            Entry cached = lookup(filters);
            if (cached != null && cached.version() >= version) {
                return cached.board();
            }
            long start = System.nanoTime();
            Leaderboard board = calculator.compute(store.scores(query(filters)), filters);
            long nanos = System.nanoTime() - start;
            LOG.debug("Computed the leaderboard for {} at store version {} from {} results in {} ms", filters,
                    version, board.resultCount(), nanos / 1_000_000);
            synchronized (entries) {
                Entry current = entries.get(filters);
                if (current == null || current.version() <= version) {
                    entries.put(filters, new Entry(version, board, nanos));
                }
            }
            return board;
        }
    }

    /**
     * Schedules a background recomputation of the cached filter sets; call it after a write. The delay is the last
     * refresh's duration when that is longer than {@value #REFRESH_DELAY_MS} ms, so that during a long ingest
     * refreshes take at most about half of one core from it.
     */
    public void changed() {
        if (refreshScheduled.compareAndSet(false, true)) {
            refresher.schedule(this::refresh, Math.max(REFRESH_DELAY_MS, lastRefreshMs), TimeUnit.MILLISECONDS);
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
        long start = System.nanoTime();
        for (LeaderboardFilters filters : keys) {
            try {
                compute(filters);
            }
            catch (SQLException | RuntimeException e) {
                LOG.warn("Background refresh of the leaderboard for {} failed; the next request recomputes it: {}",
                        filters, e.toString());
            }
        }
        lastRefreshMs = (System.nanoTime() - start) / 1_000_000;
    }

    @PreDestroy
    void close() {
        refresher.shutdownNow();
    }

    /** A computed board with the store version it reflects, its computation time and, once requested, its JSON. */
    private static final class Entry {

        private final long version;
        private final Leaderboard board;
        private final long computeNanos;
        private volatile byte[] json;

        Entry(long version, Leaderboard board, long computeNanos) {
            this.version = version;
            this.board = board;
            this.computeNanos = computeNanos;
        }

        long version() {
            return version;
        }

        Leaderboard board() {
            return board;
        }

        long computeNanos() {
            return computeNanos;
        }
    }
}
