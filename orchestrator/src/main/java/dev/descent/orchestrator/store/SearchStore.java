package dev.descent.orchestrator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.descent.model.search.Candidate;

/** Reads the trials of successive-halving experiments and stores the search's decisions. */
@ApplicationScoped
public class SearchStore {

    private static final String LIST_OUTCOMES = """
            SELECT s.trial_id, s.pretext, s.loss, s.learning_rate, s.rung, t.seed, t.state, v.validation_accuracy
            FROM search_trial s
            JOIN trial t ON t.experiment_id = s.experiment_id AND t.trial_id = s.trial_id
            LEFT JOIN trial_validation v ON v.trial_id = s.trial_id
            WHERE s.experiment_id = ?
            ORDER BY s.rung, t.grid_index""";

    private static final String INSERT_DECISION = """
            INSERT INTO search_decision (experiment_id, sequence, rung, candidate_key, pretext, loss, learning_rate,
                                         action, score, rank_at_rung, completed, promotable, reason, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String LIST_DECISIONS = """
            SELECT sequence, rung, pretext, loss, learning_rate, action, score, rank_at_rung, completed, promotable,
                   reason, decided_at
            FROM search_decision WHERE experiment_id = ? ORDER BY sequence""";

    @Inject
    ActiveDataSource dataSource;

    /** Returns the experiment's search trials by rung, with their states and validation accuracies. */
    public List<SearchOutcome> listOutcomes(String experimentId) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(LIST_OUTCOMES)) {
            statement.setString(1, experimentId);
            List<SearchOutcome> outcomes = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Candidate candidate = new Candidate(row.getString("pretext"), row.getString("loss"),
                            row.getDouble("learning_rate"));
                    outcomes.add(new SearchOutcome(row.getString("trial_id"), candidate, row.getInt("rung"),
                            row.getLong("seed"), TrialState.valueOf(row.getString("state")),
                            Jdbc.getDouble(row, "validation_accuracy")));
                }
            }
            return outcomes;
        }
        catch (SQLException e) {
            throw new StoreException("reading the search trials of experiment " + experimentId + " failed", e);
        }
    }

    /** Returns the experiment's decisions in the order they were made. */
    public List<SearchDecision> listDecisions(String experimentId) {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement statement = connection.prepareStatement(LIST_DECISIONS)) {
            statement.setString(1, experimentId);
            List<SearchDecision> decisions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Candidate candidate = new Candidate(row.getString("pretext"), row.getString("loss"),
                            row.getDouble("learning_rate"));
                    decisions.add(new SearchDecision(row.getInt("sequence"), row.getInt("rung"), candidate,
                            SearchDecision.Action.valueOf(row.getString("action")), Jdbc.getDouble(row, "score"),
                            row.getInt("rank_at_rung"), row.getInt("completed"), row.getInt("promotable"),
                            row.getString("reason"), Jdbc.getInstant(row, "decided_at")));
                }
            }
            return decisions;
        }
        catch (SQLException e) {
            throw new StoreException("reading the search decisions of experiment " + experimentId + " failed", e);
        }
    }

    /**
     * Stores decisions and the trials that promotions add, in one transaction, so that after a restart no
     * promotion is stored without its trials.
     */
    public void recordDecisions(String experimentId, List<SearchDecision> decisions, TrialBatch promotedTrials) {
        try (Connection connection = dataSource.get().getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertDecisions(connection, experimentId, decisions);
                ExperimentStore.insertBatch(connection, promotedTrials);
                connection.commit();
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        catch (SQLException e) {
            throw new StoreException("storing " + decisions.size() + " search decisions of experiment "
                    + experimentId + " failed", e);
        }
    }

    private static void insertDecisions(Connection connection, String experimentId, List<SearchDecision> decisions)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_DECISION)) {
            for (SearchDecision decision : decisions) {
                statement.setString(1, experimentId);
                statement.setInt(2, decision.sequence());
                statement.setInt(3, decision.rung());
                statement.setString(4, decision.candidate().key());
                statement.setString(5, decision.candidate().pretext());
                statement.setString(6, decision.candidate().loss());
                statement.setDouble(7, decision.candidate().learningRate());
                statement.setString(8, decision.action().name());
                Jdbc.setDouble(statement, 9, decision.score());
                statement.setInt(10, decision.rank());
                statement.setInt(11, decision.completed());
                statement.setInt(12, decision.promotable());
                statement.setString(13, Jdbc.truncate(decision.reason(), 4000));
                Jdbc.setInstant(statement, 14, decision.decidedAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
