package dev.descent.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads what the leaderboard needs: the accuracies and seed of each matching result, and each configuration's
 * config parsed once, rather than every full row with its config JSON and loss curve.
 */
@ApplicationScoped
public class ScoreStore {

    private static final String SELECT_SCORES = """
            SELECT r.configuration_id, r.seed, r.linear_probe_accuracy, r.knn_accuracy,
                r.random_encoder_linear_probe_accuracy, r.random_encoder_knn_accuracy
            FROM trial_result r""";

    /** One config per configuration: that of its smallest trial id, found through the primary key. */
    private static final String SELECT_CONFIGURATIONS = """
            SELECT c.configuration_id, c.config_json
            FROM trial_result c
            WHERE c.trial_id IN (SELECT MIN(r.trial_id) FROM trial_result r%s GROUP BY r.configuration_id)""";

    private final ActiveDataSource dataSource;

    @Inject
    ScoreStore(ActiveDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the {@code store_version} counter, which every write increments. */
    public long version() throws SQLException {
        try (Connection connection = dataSource.get().getConnection()) {
            return StoreVersion.read(connection);
        }
    }

    /**
     * Returns the scores of every result that matches the query, in no particular order.
     *
     * <p>A result of a new configuration stored between the two statements is skipped. Its write increments the
     * store version, so a cache tagged with the version read before this call recomputes and counts it.
     */
    public List<ResultScore> scores(ResultQuery query) throws SQLException {
        ResultFilterSql filter = ResultFilterSql.of(query);
        try (Connection connection = dataSource.get().getConnection()) {
            // PostgreSQL streams rows in fetch-size chunks only inside a transaction.
            connection.setAutoCommit(false);
            try {
                return scores(connection, filter);
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static List<ResultScore> scores(Connection connection, ResultFilterSql filter) throws SQLException {
        Map<String, Configuration> configurations = configurations(connection, filter);
        List<ResultScore> scores = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_SCORES + filter.sql())) {
            statement.setFetchSize(10_000);
            filter.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Configuration configuration = configurations.get(rows.getString(1));
                    if (configuration != null) {
                        scores.add(new ResultScore(configuration, rows.getLong(2), rows.getDouble(3),
                                rows.getDouble(4), rows.getDouble(5), rows.getDouble(6)));
                    }
                }
            }
        }
        return scores;
    }

    private static Map<String, Configuration> configurations(Connection connection, ResultFilterSql filter)
            throws SQLException {
        Map<String, Configuration> configurations = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                SELECT_CONFIGURATIONS.formatted(filter.sql()))) {
            filter.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    configurations.put(rows.getString(1),
                            Configuration.of(ResultStore.parseConfig(rows.getString(2))));
                }
            }
        }
        return configurations;
    }
}
