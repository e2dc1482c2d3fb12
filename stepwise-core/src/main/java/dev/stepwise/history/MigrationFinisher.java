package dev.stepwise.history;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.FinishMigration;
import dev.stepwise.dialect.VersionTableSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finishes migrations on one work connection: the version compare-and-set, the attempt row and
 * the next attempt's running row in one statement, prepared once per session where the dialect
 * can.
 *
 * <p>Why prepared by hand: pgjdbc drops its own server-side prepared statements whenever it sees
 * a {@code CREATE}, {@code ALTER} or {@code DROP} complete, which is every migration, so a JDBC
 * {@code PreparedStatement} would be parsed and planned again each time (measured: a third of
 * Stepwise's cost per migration over the raw-JDBC floor). A statement prepared in SQL stays until
 * the session ends or someone deallocates it; a migration that might (a Java-coded one, or SQL
 * naming {@code DEALLOCATE} or {@code DISCARD}) makes this class send the whole statement once
 * and check again afterwards.
 */
public final class MigrationFinisher {

    private final VersionTableSql sql;
    private boolean prepared;

    public MigrationFinisher(VersionTableSql sql) {
        this.sql = sql;
    }

    /**
     * Moves the heads from {@code before} to {@code after} (each head that goes must be there, else
     * another runner changed the table and the transaction must roll back), marks the attempt row
     * successful, writes the next migration's running row and commits, in one round trip. On any
     * error nothing of the transaction is committed and the caller rolls back.
     *
     * @return the id of the next running row, or null when {@code next} is null
     */
    public Long finishAndCommit(Connection c, Set<String> before, Set<String> after, long attemptRow, int stepsTotal,
                                Instant finishedAt, Outcome outcome, HistoryEntry next) throws SQLException {
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        FinishMigration finish = new FinishMigration(List.copyOf(removed), List.copyOf(added), finishedAt, stepsTotal,
                attemptRow, outcome.word(), next == null ? null : new FinishMigration.RunningRow(next.runId(), next.revision(),
                next.action().word(), next.checksum(), next.startedAt(), next.appliedBy()));
        String statement = sql.finishMigrationAndCommit(finish,
                prepared ? FinishMigration.Form.PREPARED : FinishMigration.Form.DIRECT);
        try (Statement s = c.createStatement()) {
            s.execute(statement);
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains(VersionTableSql.VERSION_TABLE_CHANGED)) {
                throw new StepwiseException(StepwiseException.Category.FAILED,
                        "the version table changed under this run: expected heads " + removed
                                + " are gone; another process moved them without the run lock", e);
            }
            throw e;
        }
    }

    /** What ran on the session may have deallocated the prepared statement: send it whole until checked again. */
    public void sessionStateMayHaveChanged() {
        prepared = false;
    }

    /**
     * Makes sure the session holds the prepared statement, outside any transaction; a no-op once it
     * is known to. Called after a commit, so a failure here never costs a migration.
     */
    public void prepareIfNeeded(Connection c) throws SQLException {
        if (prepared) {
            return;
        }
        Optional<String> prepare = sql.prepareFinishMigration();
        if (prepare.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery(sql.finishMigrationPrepared())) {
                rs.next();
                exists = rs.getBoolean(1);
            }
            if (!exists) {
                s.execute(prepare.get());
            }
        }
        prepared = true;
    }

    /** Whether a statement of a migration may deallocate prepared statements (conservative: by its words). */
    public static boolean mayDeallocate(String statementSql) {
        String lower = statementSql.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("deallocate") || lower.contains("discard");
    }
}
