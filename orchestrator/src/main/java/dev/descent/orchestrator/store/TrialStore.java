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

/** Reads trials and stores their state changes with plain JDBC. */
@ApplicationScoped
public class TrialStore {

    private static final String COLUMNS = """
            experiment_id, trial_id, grid_index, pretext, loss, seed, config_json, state, attempt, worker_id,
            images_done, images_total, pretext_loss, images_per_second, error, started_at, updated_at""";

    // The attempt and CANCELLED conditions make the update a compare-and-set against the reaper and cancellation,
    // which change rows between this consumer's read and its write.
    private static final String UPDATE_STATE = """
            UPDATE trial SET state = ?, attempt = ?, worker_id = ?, images_done = ?, images_total = ?,
                             pretext_loss = ?, images_per_second = ?, error = ?, started_at = ?, updated_at = ?
            WHERE experiment_id = ? AND trial_id = ? AND state <> 'DONE' AND attempt <= ?
              AND (state <> 'CANCELLED' OR ? = 'DONE')""";

    private static final String REQUEUE = """
            UPDATE trial SET state = 'QUEUED', attempt = ?, worker_id = NULL, images_done = 0, pretext_loss = NULL,
                             images_per_second = NULL, error = ?, updated_at = ?
            WHERE experiment_id = ? AND trial_id = ? AND state = ? AND attempt = ?""";

    private static final String FAIL = """
            UPDATE trial SET state = 'FAILED', error = ?, updated_at = ?
            WHERE experiment_id = ? AND trial_id = ? AND state = ? AND attempt = ?""";

    private static final int ERROR_LENGTH = 4000;

    @Inject
    ActiveDataSource dataSource;

    /** Returns the experiment's trials in grid order. */
    public List<TrialRecord> listByExperiment(String experimentId) {
        String sql = "SELECT " + COLUMNS + " FROM trial WHERE experiment_id = ? ORDER BY grid_index";
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, experimentId);
            List<TrialRecord> trials = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    trials.add(read(row));
                }
            }
            return trials;
        }
        catch (SQLException e) {
            throw new StoreException("reading the trials of experiment " + experimentId + " failed", e);
        }
    }

    /** Returns the trial, or empty when the experiment or the trial is unknown. */
    public Optional<TrialRecord> find(String experimentId, String trialId) {
        String sql = "SELECT " + COLUMNS + " FROM trial WHERE experiment_id = ? AND trial_id = ?";
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, experimentId);
            statement.setString(2, trialId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
        catch (SQLException e) {
            throw new StoreException("reading trial " + trialId + " of experiment " + experimentId + " failed", e);
        }
    }

    /**
     * Stores a trial's new state, unless the stored row is already DONE.
     *
     * @return whether a row changed
     */
    public boolean updateState(TrialRecord trial) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(UPDATE_STATE)) {
            statement.setString(1, trial.state().name());
            statement.setInt(2, trial.attempt());
            statement.setString(3, Jdbc.truncate(trial.workerId(), 255));
            statement.setLong(4, trial.imagesDone());
            statement.setLong(5, trial.imagesTotal());
            Jdbc.setDouble(statement, 6, trial.pretextLoss());
            Jdbc.setDouble(statement, 7, trial.imagesPerSecond());
            statement.setString(8, Jdbc.truncate(trial.error(), ERROR_LENGTH));
            Jdbc.setInstant(statement, 9, trial.startedAt());
            Jdbc.setInstant(statement, 10, trial.updatedAt());
            statement.setString(11, trial.experimentId());
            statement.setString(12, trial.trialId());
            statement.setInt(13, trial.attempt());
            statement.setString(14, trial.state().name());
            return statement.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw new StoreException("updating trial " + trial.trialId() + " of experiment " + trial.experimentId()
                    + " failed", e);
        }
    }

    /** Returns every trial in {@code state} whose row last changed before {@code before}, oldest first. */
    public List<TrialRecord> listInStateSince(TrialState state, Instant before) {
        String sql = "SELECT " + COLUMNS + " FROM trial WHERE state = ? AND updated_at < ? ORDER BY updated_at";
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, state.name());
            Jdbc.setInstant(statement, 2, before);
            List<TrialRecord> trials = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    trials.add(read(row));
                }
            }
            return trials;
        }
        catch (SQLException e) {
            throw new StoreException("listing " + state + " trials failed", e);
        }
    }

    /**
     * Moves a trial back to QUEUED under a new attempt number, if it is still in the state and attempt it was read
     * in.
     *
     * @param reason why the previous attempt ended, kept as the trial's error text until the new attempt reports
     * @return whether the row changed; false when an event or a cancellation changed it first
     */
    public boolean requeue(TrialRecord trial, int nextAttempt, String reason, Instant now) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(REQUEUE)) {
            statement.setInt(1, nextAttempt);
            statement.setString(2, Jdbc.truncate(reason, ERROR_LENGTH));
            Jdbc.setInstant(statement, 3, now);
            statement.setString(4, trial.experimentId());
            statement.setString(5, trial.trialId());
            statement.setString(6, trial.state().name());
            statement.setInt(7, trial.attempt());
            return statement.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw new StoreException("re-queueing trial " + trial.trialId() + " of experiment "
                    + trial.experimentId() + " failed", e);
        }
    }

    /**
     * Marks a trial FAILED with the error text, if it is still in the state and attempt it was read in.
     *
     * @return whether the row changed
     */
    public boolean fail(TrialRecord trial, String error, Instant now) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(FAIL)) {
            statement.setString(1, Jdbc.truncate(error, ERROR_LENGTH));
            Jdbc.setInstant(statement, 2, now);
            statement.setString(3, trial.experimentId());
            statement.setString(4, trial.trialId());
            statement.setString(5, trial.state().name());
            statement.setInt(6, trial.attempt());
            return statement.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw new StoreException("failing trial " + trial.trialId() + " of experiment " + trial.experimentId()
                    + " failed", e);
        }
    }

    private static TrialRecord read(ResultSet row) throws SQLException {
        return new TrialRecord(
                row.getString("experiment_id"),
                row.getString("trial_id"),
                row.getInt("grid_index"),
                row.getString("pretext"),
                row.getString("loss"),
                row.getLong("seed"),
                row.getString("config_json"),
                TrialState.valueOf(row.getString("state")),
                row.getInt("attempt"),
                row.getString("worker_id"),
                row.getLong("images_done"),
                row.getLong("images_total"),
                Jdbc.getDouble(row, "pretext_loss"),
                Jdbc.getDouble(row, "images_per_second"),
                row.getString("error"),
                Jdbc.getInstant(row, "started_at"),
                Jdbc.getInstant(row, "updated_at"));
    }
}
