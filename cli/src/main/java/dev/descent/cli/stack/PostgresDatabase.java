package dev.descent.cli.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the PostgreSQL database that the services' {@code postgres} profile points at, when it is missing. */
public final class PostgresDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

    /** The database name in the services' default {@code descent.postgres.url}. */
    public static final String NAME = "descent";

    private PostgresDatabase() {
    }

    /**
     * Connects to the {@code postgres} maintenance database on 127.0.0.1:5432 as {@code postgres} and creates
     * {@value #NAME} unless it exists. Each service's Flyway migration then creates its own schema.
     *
     * @throws IllegalStateException when PostgreSQL cannot be reached, with what to check
     */
    public static void ensureExists() {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, NAME);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + NAME);
                LOG.info("Created PostgreSQL database {}", NAME);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL database '" + NAME + "' via " + url + ": "
                    + e.getMessage() + "; check that PostgreSQL runs on 127.0.0.1:5432 and trusts user postgres", e);
        }
    }
}
