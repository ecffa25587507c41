package dev.descent.orchestrator.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives one Quarkus test run its own schema in the local PostgreSQL's {@code descent} database, and drops the schema
 * afterwards, so that parallel builds and earlier runs cannot interfere.
 */
public class PostgresSchemaResource implements QuarkusTestResourceLifecycleManager {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "descent";
    private static final String USER = "postgres";

    private String schema;

    @Override
    public Map<String, String> start() {
        createDatabaseIfAbsent();
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        schema = "orchestrator_test_" + HexFormat.of().formatHex(random);
        // Flyway creates the schema on startup because it is listed in quarkus.flyway.postgres.schemas.
        return Map.of(
                "descent.postgres.schema", schema,
                "descent.postgres.url", SERVER + DATABASE + "?currentSchema=" + schema);
    }

    @Override
    public void stop() {
        if (schema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(SERVER + DATABASE, USER, "");
             Statement statement = connection.createStatement()) {
            // The schema name is generated above from hex digits, so it is safe to inline.
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    private static void createDatabaseIfAbsent() {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
        catch (SQLException e) {
            // 42P04 duplicate_database, or 23505 when another build creates it at the same moment.
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + DATABASE + " on " + SERVER, e);
            }
        }
    }
}
