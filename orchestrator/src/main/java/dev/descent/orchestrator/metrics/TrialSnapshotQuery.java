package dev.descent.orchestrator.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import dev.descent.orchestrator.store.ActiveDataSource;
import dev.descent.orchestrator.store.TrialState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads a {@link TrialSnapshot} from the {@code trial} table of the active datasource. */
@ApplicationScoped
public class TrialSnapshotQuery {

    private static final String COUNT_BY_STATE = "SELECT state, COUNT(*) FROM trial GROUP BY state";
    private static final String THROUGHPUT_BY_WORKER = "SELECT worker_id, SUM(images_per_second) FROM trial"
            + " WHERE state = 'RUNNING' AND worker_id IS NOT NULL AND images_per_second IS NOT NULL"
            + " GROUP BY worker_id";

    @Inject
    ActiveDataSource dataSource;

    /**
     * Counts trials by state and sums the running trials' throughput by worker.
     *
     * @throws SQLException when the database cannot be read
     */
    public TrialSnapshot read() throws SQLException {
        Map<TrialState, Long> counts = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            counts.put(state, 0L);
        }
        Map<String, Double> throughput = new HashMap<>();
        try (Connection connection = dataSource.get().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(COUNT_BY_STATE)) {
                while (rows.next()) {
                    counts.put(TrialState.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            try (ResultSet rows = statement.executeQuery(THROUGHPUT_BY_WORKER)) {
                while (rows.next()) {
                    throughput.put(rows.getString(1), rows.getDouble(2));
                }
            }
        }
        return new TrialSnapshot(Map.copyOf(counts), Map.copyOf(throughput));
    }
}
