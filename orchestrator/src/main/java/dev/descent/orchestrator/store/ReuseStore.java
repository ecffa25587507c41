package dev.descent.orchestrator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds finished runs of a trial config across experiments, for memoization, and stores the validation accuracy that
 * each finished config reported.
 */
@ApplicationScoped
public class ReuseStore {

    // A reused row is DONE too, so the source is a DONE row that is not itself a reuse: the experiment that ran it.
    private static final String FIND_SOURCE = """
            SELECT t.experiment_id FROM trial t
            WHERE t.trial_id = ? AND t.state = 'DONE'
              AND NOT EXISTS (SELECT 1 FROM trial_reuse r
                              WHERE r.experiment_id = t.experiment_id AND r.trial_id = t.trial_id)
            ORDER BY t.updated_at, t.experiment_id""";

    private static final String INSERT_VALIDATION = """
            INSERT INTO trial_validation (trial_id, experiment_id, validation_accuracy, recorded_at)
            VALUES (?, ?, ?, ?)""";

    @Inject
    ActiveDataSource dataSource;

    /** Returns the experiment whose run of the trial config finished first, or empty when none finished. */
    public Optional<String> findSource(String trialId) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_SOURCE)) {
            statement.setString(1, trialId);
            statement.setMaxRows(1);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
        catch (SQLException e) {
            throw new StoreException("looking up finished runs of trial " + trialId + " failed", e);
        }
    }

    /** Returns the ids of the experiment's trials that reuse another experiment's result. */
    public List<String> reusedTrialIds(String experimentId) {
        String sql = "SELECT trial_id FROM trial_reuse WHERE experiment_id = ? ORDER BY trial_id";
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, experimentId);
            List<String> ids = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            return ids;
        }
        catch (SQLException e) {
            throw new StoreException("reading the reused trials of experiment " + experimentId + " failed", e);
        }
    }

    /**
     * Stores the validation accuracy of a finished trial config; the first one stored for a trial id stays, as the
     * registry keeps the first result.
     *
     * @return whether the accuracy was stored, false when one was already stored
     */
    public boolean recordValidation(String trialId, String experimentId, double accuracy, Instant at) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT_VALIDATION)) {
            statement.setString(1, trialId);
            statement.setString(2, experimentId);
            statement.setDouble(3, accuracy);
            Jdbc.setInstant(statement, 4, at);
            return statement.executeUpdate() == 1;
        }
        catch (SQLException e) {
            if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new StoreException("storing the validation accuracy of trial " + trialId + " failed", e);
        }
    }
}
