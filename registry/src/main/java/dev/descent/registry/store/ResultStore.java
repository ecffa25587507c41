package dev.descent.registry.store;

import java.io.IOException;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialResult;
import dev.descent.model.trial.TrialConfig;

/**
 * Stores trial results and their experiment links in the active database with plain JDBC, and reads them back.
 *
 * <p>{@link #storeBatch} writes many results in one transaction with JDBC batch inserts, the ingest path.
 * {@link #store} runs each statement in auto-commit mode, so a caller that retries it after a failure between the two
 * inserts finds the result already stored and inserts only the missing link. Every write increments the
 * {@code store_version} counter last, so that cached leaderboards computed before it are recomputed.
 */
@ApplicationScoped
public class ResultStore {

    /** SQLState for a unique or primary key violation, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT_RESULT = """
            INSERT INTO trial_result (trial_id, experiment_id, attempt, dataset, encoder, pretext, loss, seed,
                config_json, linear_probe_accuracy, knn_accuracy, random_encoder_linear_probe_accuracy,
                random_encoder_knn_accuracy, final_pretext_loss, wall_seconds, images_per_second, worker_id, backend,
                finished_at, stored_at, loss_curve_json, validation_linear_probe_accuracy, validation_knn_accuracy,
                configuration_id, training_images, label_fractions_json, evaluations_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String INSERT_LINK =
            "INSERT INTO experiment_trial (experiment_id, trial_id, linked_at) VALUES (?, ?, ?)";

    private static final String SELECT_RESULTS = """
            SELECT r.trial_id, r.experiment_id, r.attempt, r.config_json, r.linear_probe_accuracy, r.knn_accuracy,
                r.random_encoder_linear_probe_accuracy, r.random_encoder_knn_accuracy, r.final_pretext_loss,
                r.wall_seconds, r.images_per_second, r.worker_id, r.backend, r.finished_at, r.stored_at,
                r.loss_curve_json, r.validation_linear_probe_accuracy, r.validation_knn_accuracy,
                r.label_fractions_json, r.evaluations_json
            FROM trial_result r""";

    /**
     * Both kinds of link of the selected trials: experiments that ran the trial and experiments that reuse its result.
     * The filter appears once per kind, so its parameters are bound twice.
     */
    private static final String SELECT_LINKS = """
            SELECT x.trial_id, x.experiment_id FROM experiment_trial x JOIN trial_result r ON r.trial_id = x.trial_id%s
            UNION
            SELECT k.trial_id, k.experiment_id FROM result_link k JOIN trial_result r ON r.trial_id = k.trial_id%s
            ORDER BY 1, 2""";

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
            // Incremented even for a duplicate: a retry after a failure between an insert and this increment must
            // still announce the change.
            StoreVersion.increment(connection);
            if (inserted) {
                return StoreOutcome.STORED;
            }
            return linked ? StoreOutcome.LINKED : StoreOutcome.DUPLICATE;
        }
    }

    /**
     * Stores results in one transaction: inserts those whose trial has no result yet (the first of a trial in the
     * list wins) and links every result's trial to its experiment unless that link exists, with one JDBC batch per
     * table. Nothing is written when any statement fails, so the caller can retry the whole list, or store its
     * results one by one with {@link #store} to find one that the database rejects.
     *
     * @return the outcome of each result, in the order given
     * @throws SQLException when the database rejects or fails a statement, including a unique violation when another
     *         writer stored one of the trials concurrently
     */
    public List<StoreOutcome> storeBatch(List<TrialResult> results) throws SQLException {
        if (results.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<String> trialIds = new HashSet<>();
        results.forEach(result -> trialIds.add(result.trialId()));
        try (Connection connection = dataSource.get().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Set<String> stored = existing(connection, "SELECT trial_id FROM trial_result WHERE trial_id IN (%s)",
                        trialIds, 1);
                // experiment_trial references trial_result, so only trials stored before this batch have links.
                Set<String> linked = stored.isEmpty() ? new HashSet<>() : existing(connection,
                        "SELECT trial_id, experiment_id FROM experiment_trial WHERE trial_id IN (%s)", stored, 2);
                List<StoreOutcome> outcomes = new ArrayList<>(results.size());
                try (PreparedStatement insertResults = connection.prepareStatement(INSERT_RESULT);
                        PreparedStatement insertLinks = connection.prepareStatement(INSERT_LINK)) {
                    for (TrialResult result : results) {
                        boolean inserted = stored.add(result.trialId());
                        if (inserted) {
                            bindResult(insertResults, result, now);
                            insertResults.addBatch();
                        }
                        boolean newLink = linked.add(result.trialId() + '\n' + result.experimentId());
                        if (newLink) {
                            insertLinks.setString(1, result.experimentId());
                            insertLinks.setString(2, result.trialId());
                            setTimestamp(insertLinks, 3, now);
                            insertLinks.addBatch();
                        }
                        outcomes.add(inserted ? StoreOutcome.STORED
                                : newLink ? StoreOutcome.LINKED : StoreOutcome.DUPLICATE);
                    }
                    insertResults.executeBatch();
                    insertLinks.executeBatch();
                }
                StoreVersion.increment(connection);
                connection.commit();
                return outcomes;
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Returns the rows of a query over the given trial ids, each as its columns joined by a newline: the trial id
     * alone, or the trial id and experiment id.
     */
    private static Set<String> existing(Connection connection, String sql, Set<String> trialIds, int columns)
            throws SQLException {
        Set<String> rows = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                sql.formatted(String.join(", ", Collections.nCopies(trialIds.size(), "?"))))) {
            int i = 0;
            for (String trialId : trialIds) {
                statement.setString(++i, trialId);
            }
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    rows.add(columns == 1 ? found.getString(1) : found.getString(1) + '\n' + found.getString(2));
                }
            }
        }
        return rows;
    }

    /** Returns the stored result of a trial with all its experiment links, or empty when the trial has none. */
    public Optional<StoredResult> find(String trialId) throws SQLException {
        List<StoredResult> found = select(" WHERE r.trial_id = ?", List.of(trialId));
        return found.stream().findFirst();
    }

    /** Returns the stored results that match every non-null filter of the query, sorted by trial id. */
    public List<StoredResult> find(ResultQuery query) throws SQLException {
        ResultFilterSql filter = ResultFilterSql.of(query);
        return select(filter.sql(), filter.parameters());
    }

    /**
     * Fills {@code configuration_id} and {@code training_images} of rows stored before those columns existed.
     *
     * @return the number of rows updated
     */
    public int backfillConfigurations() throws SQLException {
        Map<String, String> configs = new HashMap<>();
        try (Connection connection = dataSource.get().getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT trial_id, config_json FROM trial_result WHERE configuration_id IS NULL");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    configs.put(rows.getString(1), rows.getString(2));
                }
            }
            if (configs.isEmpty()) {
                return 0;
            }
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE trial_result SET configuration_id = ?, training_images = ? WHERE trial_id = ?")) {
                for (Map.Entry<String, String> entry : configs.entrySet()) {
                    Configuration configuration = Configuration.of(parseConfig(entry.getValue()));
                    update.setString(1, configuration.id());
                    update.setLong(2, configuration.trainingImages());
                    update.setString(3, entry.getKey());
                    update.addBatch();
                }
                update.executeBatch();
                StoreVersion.increment(connection);
                connection.commit();
            }
            catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            return configs.size();
        }
    }

    private boolean insertResult(Connection connection, TrialResult result, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_RESULT)) {
            bindResult(statement, result, now);
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

    private static void bindResult(PreparedStatement statement, TrialResult result, Instant now)
            throws SQLException {
        TrialConfig config = result.config();
        Configuration configuration = Configuration.of(config);
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
        setNullableDouble(statement, ++i, result.validationLinearProbeAccuracy());
        setNullableDouble(statement, ++i, result.validationKnnAccuracy());
        statement.setString(++i, configuration.id());
        statement.setLong(++i, configuration.trainingImages());
        statement.setString(++i, LabelFractionsJson.write(result.labelFractions()));
        statement.setString(++i, EvaluationsJson.write(result.evaluations()));
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

    /**
     * Passes each stored result that matches the query to {@code sink}, sorted by trial id, while reading it from the
     * database, so that an export of many results does not hold them all in memory.
     *
     * @throws IOException when the sink fails; reading stops there
     */
    public void forEach(ResultQuery query, ResultSink sink) throws SQLException, IOException {
        ResultFilterSql filter = ResultFilterSql.of(query);
        try (Connection connection = dataSource.get().getConnection()) {
            // PostgreSQL streams rows in fetch-size chunks only inside a transaction.
            connection.setAutoCommit(false);
            try {
                select(connection, filter.sql(), filter.parameters(), sink);
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** Receives the results of {@link #forEach}. */
    @FunctionalInterface
    public interface ResultSink {

        /** Receives one result. */
        void accept(StoredResult result) throws IOException;
    }

    private List<StoredResult> select(String where, List<?> parameters) throws SQLException {
        List<StoredResult> results = new ArrayList<>();
        try (Connection connection = dataSource.get().getConnection()) {
            select(connection, where, parameters, results::add);
        }
        catch (IOException e) {
            throw new IllegalStateException("adding to a list cannot fail", e);
        }
        return results;
    }

    private static void select(Connection connection, String where, List<?> parameters, ResultSink sink)
            throws SQLException, IOException {
        Map<String, List<String>> links = selectLinks(connection, where, parameters);
        try (PreparedStatement statement = connection.prepareStatement(
                SELECT_RESULTS + where + " ORDER BY r.trial_id")) {
            statement.setFetchSize(1_000);
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String trialId = rows.getString("trial_id");
                    sink.accept(toStoredResult(rows, links.getOrDefault(trialId, List.of())));
                }
            }
        }
    }

    private static Map<String, List<String>> selectLinks(Connection connection, String where, List<?> parameters)
            throws SQLException {
        Map<String, List<String>> links = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_LINKS.formatted(where, where))) {
            ResultFilterSql filter = new ResultFilterSql("", List.copyOf(parameters));
            filter.bind(statement, filter.bind(statement, 1));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    links.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return links;
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        new ResultFilterSql("", List.copyOf(parameters)).bind(statement, 1);
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
                LossCurveJson.read(row.getString("loss_curve_json")),
                getNullableDouble(row, "validation_linear_probe_accuracy"),
                getNullableDouble(row, "validation_knn_accuracy"),
                LabelFractionsJson.read(row.getString("label_fractions_json")),
                EvaluationsJson.read(row.getString("evaluations_json")));
    }

    private static void setNullableDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        }
        else {
            statement.setDouble(index, value);
        }
    }

    private static Double getNullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
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

    static TrialConfig parseConfig(String json) {
        try {
            return Json.messages().readValue(json, TrialConfig.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trial config is not valid JSON: " + json, e);
        }
    }
}
