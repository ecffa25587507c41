package dev.descent.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the registry at a fresh schema in the local PostgreSQL's {@code test} database (127.0.0.1:5432, user
 * {@code postgres}, trust authentication), and drops the schema when the test class is done.
 *
 * <p>Flyway creates the schema at startup, so this resource only picks its name.
 */
public class PostgresSchemaResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private String schema;

    @Override
    public Map<String, String> start() {
        schema = "registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return Map.of(
                "descent.postgres.schema", schema,
                "descent.postgres.url", DATABASE_URL + "?currentSchema=" + schema);
    }

    @Override
    public void stop() {
        try (Connection connection = DriverManager.getConnection(DATABASE_URL, USER, "");
                Statement statement = connection.createStatement()) {
            // The name is generated above from hex digits only, so it is safe to splice into DDL.
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
