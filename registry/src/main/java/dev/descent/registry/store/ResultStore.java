package dev.descent.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialResult;
import dev.descent.model.trial.TrialConfig;

/**
 * Stores trial results and their experiment links in the active database with plain JDBC, and reads them back.
 *
 * <p>Each statement runs in auto-commit mode. A caller that retries {@link #store} after a failure between the two
 * inserts therefore finds the result already stored and inserts only the missing link.
 */
@ApplicationScoped
public class ResultStore {

    /** SQLState for a unique or primary key violation, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT_RESULT = """
            INSERT INTO trial_result (trial_id, experiment_id, attempt, dataset, encoder, pretext, loss, seed,
                config_json, linear_probe_accuracy, knn_accuracy, random_encoder_linear_probe_accuracy,
                random_encoder_knn_accuracy, final_pretext_loss, wall_seconds, images_per_second, worker_id, backend,
                finished_at, stored_at, loss_curve_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String INSERT_LINK =
            "INSERT INTO experiment_trial (experiment_id, trial_id, linked_at) VALUES (?, ?, ?)";

    private static final String SELECT_RESULTS = """
            SELECT r.trial_id, r.experiment_id, r.attempt, r.config_json, r.linear_probe_accuracy, r.knn_accuracy,
                r.random_encoder_linear_probe_accuracy, r.random_encoder_knn_accuracy, r.final_pretext_loss,
                r.wall_seconds, r.images_per_second, r.worker_id, r.backend, r.finished_at, r.stored_at,
                r.loss_curve_json
            FROM trial_result r""";

    private static final String SELECT_LINKS = """
            SELECT l.trial_id, l.experiment_id
            FROM experiment_trial l
            WHERE l.trial_id IN (SELECT r.trial_id FROM trial_result r%s)
            ORDER BY l.trial_id, l.experiment_id""";

    private final ActiveDataSource dataSource;

    @Inject
    ResultStore(ActiveDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the result unless its trial already has one, then links the trial to the result's experiment unless
     * that link exists. The first stored result of a trial is kept and later ones are not compared with it.
     *
     * @throws SQLException when the database rejects or fails either insert for any reason other than an existing row
     */
    public StoreOutcome store(TrialResult result) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.get().getConnection()) {
            connection.setAutoCommit(true);
            boolean inserted = insertResult(connection, result, now);
            boolean linked = insertLink(connection, result.experimentId(), result.trialId(), now);
            if (inserted) {
                return StoreOutcome.STORED;
            }
            return linked ? StoreOutcome.LINKED : StoreOutcome.DUPLICATE;
        }
    }

    /** Returns the stored result of a trial with all its experiment links, or empty when the trial has none. */
    public Optional<StoredResult> find(String trialId) throws SQLException {
        List<StoredResult> found = select(" WHERE r.trial_id = ?", List.of(trialId));
        return found.stream().findFirst();
    }

    /** Returns the stored results that match every non-null filter of the query, sorted by trial id. */
    public List<StoredResult> find(ResultQuery query) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        if (query.experimentId() != null) {
            appendCondition(where, "EXISTS (SELECT 1 FROM experiment_trial x "
                    + "WHERE x.trial_id = r.trial_id AND x.experiment_id = ?)");
            parameters.add(query.experimentId());
        }
        if (query.dataset() != null) {
            appendCondition(where, "r.dataset = ?");
            parameters.add(query.dataset());
        }
        if (query.pretext() != null) {
            appendCondition(where, "r.pretext = ?");
            parameters.add(query.pretext());
        }
        return select(where.toString(), parameters);
    }

    private static void appendCondition(StringBuilder where, String condition) {
        where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
    }

    private boolean insertResult(Connection connection, TrialResult result, Instant now) throws SQLException {
        TrialConfig config = result.config();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_RESULT)) {
            int i = 0;
            statement.setString(++i, result.trialId());
            statement.setString(++i, result.experimentId());
            statement.setInt(++i, result.attempt());
            statement.setString(++i, config.dataset());
            statement.setString(++i, config.encoder());
            statement.setString(++i, config.pretext());
            statement.setString(++i, config.loss());
            statement.setLong(++i, config.seed());
            statement.setString(++i, configJson(config));
            statement.setDouble(++i, result.linearProbeAccuracy());
            statement.setDouble(++i, result.knnAccuracy());
            statement.setDouble(++i, result.randomEncoderLinearProbeAccuracy());
            statement.setDouble(++i, result.randomEncoderKnnAccuracy());
            statement.setDouble(++i, result.finalPretextLoss());
            statement.setDouble(++i, result.wallSeconds());
            statement.setDouble(++i, result.imagesPerSecond());
            statement.setString(++i, result.workerId());
            statement.setString(++i, result.backend());
            setTimestamp(statement, ++i, result.finishedAt());
            setTimestamp(statement, ++i, now);
            statement.setString(++i, LossCurveJson.write(result.lossCurve()));
            statement.executeUpdate();
            return true;
        }
        catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private boolean insertLink(Connection connection, String experimentId, String trialId, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_LINK)) {
            statement.setString(1, experimentId);
            statement.setString(2, trialId);
            setTimestamp(statement, 3, now);
            statement.executeUpdate();
            return true;
        }
        catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private List<StoredResult> select(String where, List<String> parameters) throws SQLException {
        try (Connection connection = dataSource.get().getConnection()) {
            Map<String, List<String>> links = selectLinks(connection, where, parameters);
            List<StoredResult> results = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    SELECT_RESULTS + where + " ORDER BY r.trial_id")) {
                bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String trialId = rows.getString("trial_id");
                        results.add(toStoredResult(rows, links.getOrDefault(trialId, List.of())));
                    }
                }
            }
            return results;
        }
    }

    private static Map<String, List<String>> selectLinks(Connection connection, String where, List<String> parameters)
            throws SQLException {
        Map<String, List<String>> links = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_LINKS.formatted(where))) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    links.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return links;
    }

    private static void bind(PreparedStatement statement, List<String> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 1, parameters.get(i));
        }
    }

    private static StoredResult toStoredResult(ResultSet row, List<String> experimentIds) throws SQLException {
        return new StoredResult(
                row.getString("experiment_id"),
                row.getString("trial_id"),
                row.getInt("attempt"),
                parseConfig(row.getString("config_json")),
                row.getDouble("linear_probe_accuracy"),
                row.getDouble("knn_accuracy"),
                row.getDouble("random_encoder_linear_probe_accuracy"),
                row.getDouble("random_encoder_knn_accuracy"),
                row.getDouble("final_pretext_loss"),
                row.getDouble("wall_seconds"),
                row.getDouble("images_per_second"),
                row.getString("worker_id"),
                row.getString("backend"),
                getInstant(row, "finished_at"),
                getInstant(row, "stored_at"),
                List.copyOf(experimentIds),
                LossCurveJson.read(row.getString("loss_curve_json")));
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    private static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Returns the config as message JSON, the form that {@link #parseConfig} reads back. */
    static String configJson(TrialConfig config) {
        try {
            return Json.messages().writeValueAsString(config);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise trial config " + config, e);
        }
    }

    private static TrialConfig parseConfig(String json) {
        try {
            return Json.messages().readValue(json, TrialConfig.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trial config is not valid JSON: " + json, e);
        }
    }
}
