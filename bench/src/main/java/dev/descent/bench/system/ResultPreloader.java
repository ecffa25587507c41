package dev.descent.bench.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialResult;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;

/**
 * Writes corpus results straight into the registry's tables by JDBC, in the columns and formats that the registry's
 * {@code ResultStore} writes, so that a benchmark reaches 100k or 1M stored results without waiting for Kafka. It
 * writes the columns of migration V3 too ({@code configuration_id}, {@code training_images}, the validation
 * accuracies) and increments {@code store_version}, so that the registry's start-up backfill finds nothing to do: at
 * 1M rows that backfill would read every config JSON into memory. Not thread-safe.
 */
public final class ResultPreloader {

    private static final String INSERT_RESULT = """
            INSERT INTO trial_result (trial_id, experiment_id, attempt, dataset, encoder, pretext, loss, seed,
                config_json, linear_probe_accuracy, knn_accuracy, random_encoder_linear_probe_accuracy,
                random_encoder_knn_accuracy, final_pretext_loss, wall_seconds, images_per_second, worker_id, backend,
                finished_at, stored_at, loss_curve_json, validation_linear_probe_accuracy, validation_knn_accuracy,
                configuration_id, training_images)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INCREMENT_VERSION = "UPDATE store_version SET version = version + 1 WHERE id = 1";
    private static final String INSERT_LINK =
            "INSERT INTO experiment_trial (experiment_id, trial_id, linked_at) VALUES (?, ?, ?)";
    private static final int BATCH = 1000;

    private final String url;
    private final String user;

    /** Creates a preloader for a JDBC URL whose default schema contains the registry's tables. */
    public ResultPreloader(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** Inserts corpus results {@code from} (inclusive) to {@code to} (exclusive) in batches of 1000. */
    public void insert(ResultCorpus corpus, long from, long to) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement results = connection.prepareStatement(INSERT_RESULT);
                 PreparedStatement links = connection.prepareStatement(INSERT_LINK)) {
                for (long i = from; i < to; i++) {
                    add(results, links, corpus.result(i));
                    if ((i - from + 1) % BATCH == 0 || i == to - 1) {
                        results.executeBatch();
                        links.executeBatch();
                        try (Statement version = connection.createStatement()) {
                            version.executeUpdate(INCREMENT_VERSION);
                        }
                        connection.commit();
                    }
                }
            }
        }
    }

    /** Returns the rows in {@code trial_result}. */
    public long count() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM trial_result")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void add(PreparedStatement results, PreparedStatement links, TrialResult result)
            throws SQLException {
        OffsetDateTime stored = OffsetDateTime.ofInstant(result.finishedAt().plusMillis(150), ZoneOffset.UTC);
        int i = 0;
        results.setString(++i, result.trialId());
        results.setString(++i, result.experimentId());
        results.setInt(++i, result.attempt());
        results.setString(++i, result.config().dataset());
        results.setString(++i, result.config().encoder());
        results.setString(++i, result.config().pretext());
        results.setString(++i, result.config().loss());
        results.setLong(++i, result.config().seed());
        results.setString(++i, json(result.config()));
        results.setDouble(++i, result.linearProbeAccuracy());
        results.setDouble(++i, result.knnAccuracy());
        results.setDouble(++i, result.randomEncoderLinearProbeAccuracy());
        results.setDouble(++i, result.randomEncoderKnnAccuracy());
        results.setDouble(++i, result.finalPretextLoss());
        results.setDouble(++i, result.wallSeconds());
        results.setDouble(++i, result.imagesPerSecond());
        results.setString(++i, result.workerId());
        results.setString(++i, result.backend());
        results.setObject(++i, OffsetDateTime.ofInstant(result.finishedAt(), ZoneOffset.UTC));
        results.setObject(++i, stored);
        results.setString(++i, json(result.lossCurve()));
        setNullableDouble(results, ++i, result.validationLinearProbeAccuracy());
        setNullableDouble(results, ++i, result.validationKnnAccuracy());
        ConfigurationKey configuration = ConfigurationKey.of(result.config());
        results.setString(++i, configuration.id());
        results.setLong(++i, configuration.trainingImages());
        results.addBatch();
        links.setString(1, result.experimentId());
        links.setString(2, result.trialId());
        links.setObject(3, stored);
        links.addBatch();
    }

    private static void setNullableDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        }
        else {
            statement.setDouble(index, value);
        }
    }

    /**
     * The registry's {@code Configuration} (a trial config without its seed), with the same components in the same
     * order, so that its canonical JSON and therefore its id are the registry's.
     */
    private record ConfigurationKey(String dataset, String encoder, String pretext, String loss, TrainingSpec training,
            ProbeSpec probe) {

        static ConfigurationKey of(TrialConfig config) {
            return new ConfigurationKey(config.dataset(), config.encoder(), config.pretext(), config.loss(),
                    config.training(), config.probe());
        }

        long trainingImages() {
            return training == null ? 0 : (long) training.epochs() * training.pretrainImages();
        }

        /** Returns {@code c-} and the first 16 hex digits of the SHA-256 digest of the canonical JSON. */
        String id() {
            try {
                byte[] canonical = Json.canonical().writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
                return "c-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical))
                        .substring(0, 16);
            }
            catch (JsonProcessingException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot hash configuration " + this, e);
            }
        }
    }

    private static String json(Object value) {
        try {
            return Json.messages().writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
