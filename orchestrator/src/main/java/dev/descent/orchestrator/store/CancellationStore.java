package dev.descent.orchestrator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Stores experiment cancellations and moves the cancelled experiments' unfinished trials to CANCELLED. */
@ApplicationScoped
public class CancellationStore {

    private static final String INSERT = "INSERT INTO experiment_cancellation (experiment_id, cancelled_at) VALUES (?, ?)";

    private static final String CANCEL_TRIALS = """
            UPDATE trial SET state = 'CANCELLED', updated_at = ?
            WHERE experiment_id = ? AND state IN ('QUEUED', 'RUNNING', 'RETRYING')""";

    @Inject
    ActiveDataSource dataSource;

    /**
     * Records the cancellation and cancels every QUEUED, RUNNING or RETRYING trial, in one transaction. Cancelling an
     * experiment twice keeps the first time and cancels any trial left unfinished.
     *
     * @return the number of trials cancelled now
     */
    public int cancel(String experimentId, Instant now) {
        try (Connection connection = dataSource.get().getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (cancelledAt(connection, experimentId).isEmpty()) {
                    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                        statement.setString(1, experimentId);
                        Jdbc.setInstant(statement, 2, now);
                        statement.executeUpdate();
                    }
                }
                int cancelled;
                try (PreparedStatement statement = connection.prepareStatement(CANCEL_TRIALS)) {
                    Jdbc.setInstant(statement, 1, now);
                    statement.setString(2, experimentId);
                    cancelled = statement.executeUpdate();
                }
                connection.commit();
                return cancelled;
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        catch (SQLException e) {
            throw new StoreException("cancelling experiment " + experimentId + " failed", e);
        }
    }

    /** Returns when the experiment was cancelled, or empty when it was not. */
    public Optional<Instant> cancelledAt(String experimentId) {
        try (Connection connection = dataSource.get().getConnection()) {
            return cancelledAt(connection, experimentId);
        }
        catch (SQLException e) {
            throw new StoreException("reading the cancellation of experiment " + experimentId + " failed", e);
        }
    }

    private static Optional<Instant> cancelledAt(Connection connection, String experimentId) throws SQLException {
        String sql = "SELECT cancelled_at FROM experiment_cancellation WHERE experiment_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, experimentId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(Jdbc.getInstant(row, "cancelled_at")) : Optional.empty();
            }
        }
    }
}
