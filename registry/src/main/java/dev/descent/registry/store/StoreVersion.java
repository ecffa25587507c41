package dev.descent.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code store_version} counter: every write that changes what a query returns increments it in the same
 * database, so a cache tagged with the value it read before computing is current while the value is unchanged.
 */
final class StoreVersion {

    private static final String SELECT = "SELECT version FROM store_version WHERE id = 1";
    private static final String INCREMENT = "UPDATE store_version SET version = version + 1 WHERE id = 1";

    private StoreVersion() {
    }

    /** Returns the current value. */
    static long read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT);
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("table store_version has no row with id 1; the V3 migration inserts it",
                        "02000");
            }
            return row.getLong(1);
        }
    }

    /** Increments the counter; call it after the change is committed or in the change's own transaction. */
    static void increment(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INCREMENT)) {
            statement.executeUpdate();
        }
    }
}
