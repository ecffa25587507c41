package dev.descent.orchestrator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Stores experiments and their trials with plain JDBC. */
@ApplicationScoped
public class ExperimentStore {

    private static final String INSERT_EXPERIMENT = """
            INSERT INTO experiment (id, name, source, spec_yaml, dataset_name, dataset_path, created_at, state,
                                    publish_error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String INSERT_TRIAL = """
            INSERT INTO trial (experiment_id, trial_id, grid_index, pretext, loss, seed, config_json, state, attempt,
                               worker_id, images_done, images_total, pretext_loss, images_per_second, error,
                               started_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String EXPERIMENT_COLUMNS =
            "id, name, source, spec_yaml, dataset_name, dataset_path, created_at, state, publish_error";

    private static final int PUBLISH_ERROR_LENGTH = 4000;

    @Inject
    ActiveDataSource dataSource;

    private static final String INSERT_REUSE = """
            INSERT INTO trial_reuse (experiment_id, trial_id, source_experiment_id, reused_at) VALUES (?, ?, ?, ?)""";

    private static final String INSERT_SEARCH_TRIAL = """
            INSERT INTO search_trial (experiment_id, trial_id, candidate_key, pretext, loss, learning_rate, rung)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Inserts an experiment and its trials in one transaction.
     *
     * @throws DuplicateExperimentIdException when the experiment id is taken; nothing is stored then
     * @throws StoreException when the database fails
     */
    public void insert(ExperimentRecord experiment, List<TrialRecord> trials) {
        insert(experiment, new TrialBatch(trials, List.of(), List.of()));
    }

    /**
     * Inserts an experiment and its first trials, with their reuse and search rows, in one transaction.
     *
     * @throws DuplicateExperimentIdException when the experiment id is taken; nothing is stored then
     * @throws StoreException when the database fails
     */
    public void insert(ExperimentRecord experiment, TrialBatch batch) {
        try (Connection connection = dataSource.get().getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertExperiment(connection, experiment);
                insertBatch(connection, batch);
                connection.commit();
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        catch (SQLException e) {
            if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateExperimentIdException(experiment.id(), e);
            }
            throw new StoreException("storing experiment " + experiment.id() + " failed", e);
        }
    }

    /** Records how publishing the experiment's trials ended. */
    public void updatePublishState(String experimentId, PublishState state, String error) {
        String sql = "UPDATE experiment SET state = ?, publish_error = ? WHERE id = ?";
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, state.name());
            statement.setString(2, Jdbc.truncate(error, PUBLISH_ERROR_LENGTH));
            statement.setString(3, experimentId);
            statement.executeUpdate();
        }
        catch (SQLException e) {
            throw new StoreException("updating the publish state of experiment " + experimentId + " failed", e);
        }
    }

    /** Returns the experiment, or empty when the id is unknown. */
    public Optional<ExperimentRecord> find(String experimentId) {
        String sql = "SELECT " + EXPERIMENT_COLUMNS + " FROM experiment WHERE id = ?";
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, experimentId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(readExperiment(row)) : Optional.empty();
            }
        }
        catch (SQLException e) {
            throw new StoreException("reading experiment " + experimentId + " failed", e);
        }
    }

    /** Returns up to {@code limit} experiments, newest first. */
    public List<ExperimentRecord> listNewestFirst(int limit) {
        String sql = "SELECT " + EXPERIMENT_COLUMNS + " FROM experiment ORDER BY created_at DESC, id DESC";
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(limit);
            List<ExperimentRecord> experiments = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    experiments.add(readExperiment(row));
                }
            }
            return experiments;
        }
        catch (SQLException e) {
            throw new StoreException("listing experiments failed", e);
        }
    }

    private static void insertExperiment(Connection connection, ExperimentRecord experiment) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_EXPERIMENT)) {
            statement.setString(1, experiment.id());
            statement.setString(2, experiment.name());
            statement.setString(3, experiment.source());
            statement.setString(4, experiment.specYaml());
            statement.setString(5, experiment.datasetName());
            statement.setString(6, experiment.datasetPath());
            Jdbc.setInstant(statement, 7, experiment.createdAt());
            statement.setString(8, experiment.publishState().name());
            statement.setString(9, experiment.publishError());
            statement.executeUpdate();
        }
    }

    static void insertBatch(Connection connection, TrialBatch batch) throws SQLException {
        insertTrials(connection, batch.trials());
        try (PreparedStatement statement = connection.prepareStatement(INSERT_REUSE)) {
            for (TrialReuse reuse : batch.reuses()) {
                statement.setString(1, reuse.experimentId());
                statement.setString(2, reuse.trialId());
                statement.setString(3, reuse.sourceExperimentId());
                Jdbc.setInstant(statement, 4, reuse.reusedAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_SEARCH_TRIAL)) {
            for (SearchTrial trial : batch.searchTrials()) {
                statement.setString(1, trial.experimentId());
                statement.setString(2, trial.trialId());
                statement.setString(3, trial.candidate().key());
                statement.setString(4, trial.candidate().pretext());
                statement.setString(5, trial.candidate().loss());
                statement.setDouble(6, trial.candidate().learningRate());
                statement.setInt(7, trial.rung());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertTrials(Connection connection, List<TrialRecord> trials) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_TRIAL)) {
            for (TrialRecord trial : trials) {
                statement.setString(1, trial.experimentId());
                statement.setString(2, trial.trialId());
                statement.setInt(3, trial.gridIndex());
                statement.setString(4, trial.pretext());
                statement.setString(5, trial.loss());
                statement.setLong(6, trial.seed());
                statement.setString(7, trial.configJson());
                statement.setString(8, trial.state().name());
                statement.setInt(9, trial.attempt());
                statement.setString(10, trial.workerId());
                statement.setLong(11, trial.imagesDone());
                statement.setLong(12, trial.imagesTotal());
                Jdbc.setDouble(statement, 13, trial.pretextLoss());
                Jdbc.setDouble(statement, 14, trial.imagesPerSecond());
                statement.setString(15, trial.error());
                Jdbc.setInstant(statement, 16, trial.startedAt());
                Jdbc.setInstant(statement, 17, trial.updatedAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static ExperimentRecord readExperiment(ResultSet row) throws SQLException {
        return new ExperimentRecord(
                row.getString("id"),
                row.getString("name"),
                row.getString("source"),
                row.getString("spec_yaml"),
                row.getString("dataset_name"),
                row.getString("dataset_path"),
                Jdbc.getInstant(row, "created_at"),
                PublishState.valueOf(row.getString("state")),
                row.getString("publish_error"));
    }
}
