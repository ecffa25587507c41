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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.descent.model.message.ResultLink;

/**
 * Stores the result links of memoization: an experiment that reuses a stored result instead of running the trial.
 * A link is kept whether or not its result is stored yet, and every per-experiment query includes the trials it
 * points to once their result arrives.
 */
@ApplicationScoped
public class LinkStore {

    private static final String INSERT = """
            INSERT INTO result_link (experiment_id, trial_id, source_experiment_id, linked_at, stored_at)
            VALUES (?, ?, ?, ?, ?)""";

    private static final String COUNT = """
            SELECT
                (SELECT COUNT(*) FROM trial_result r%s),
                (SELECT COUNT(*) FROM experiment_trial x WHERE x.experiment_id = ?),
                (SELECT COUNT(*) FROM result_link k WHERE k.experiment_id = ?
                    AND EXISTS (SELECT 1 FROM trial_result r WHERE r.trial_id = k.trial_id)),
                (SELECT COUNT(*) FROM result_link k WHERE k.experiment_id = ?
                    AND NOT EXISTS (SELECT 1 FROM trial_result r WHERE r.trial_id = k.trial_id))"""
            .formatted(ResultFilterSql.EXPERIMENT_JOIN);

    private final ActiveDataSource dataSource;

    @Inject
    LinkStore(ActiveDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the link unless the experiment already has one to the trial. A redelivered link changes nothing, and
     * the first delivery's source experiment and time are kept.
     *
     * @throws SQLException when the database rejects or fails the insert for any reason other than an existing row
     */
    public LinkOutcome store(ResultLink link) throws SQLException {
        try (Connection connection = dataSource.get().getConnection()) {
            connection.setAutoCommit(true);
            LinkOutcome outcome;
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setString(1, link.experimentId());
                statement.setString(2, link.trialId());
                statement.setString(3, link.sourceExperimentId());
                if (link.linkedAt() == null) {
                    statement.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                }
                else {
                    statement.setObject(4, OffsetDateTime.ofInstant(link.linkedAt(), ZoneOffset.UTC));
                }
                statement.setObject(5, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
                statement.executeUpdate();
                outcome = LinkOutcome.LINKED;
            }
            catch (SQLException e) {
                if (!ResultStore.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                outcome = LinkOutcome.DUPLICATE;
            }
            StoreVersion.increment(connection);
            return outcome;
        }
    }

    /** Returns how many of the experiment's trials have results, and how many of those it reuses. */
    public LinkCounts counts(String experimentId) throws SQLException {
        try (Connection connection = dataSource.get().getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT)) {
            for (int i = 1; i <= 5; i++) {
                statement.setString(i, experimentId);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new LinkCounts(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4));
            }
        }
    }
}
