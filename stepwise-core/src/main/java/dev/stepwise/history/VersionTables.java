package dev.stepwise.history;

import dev.stepwise.dialect.VersionTableSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one owner of Stepwise's version and history tables: reads the current heads, moves them
 * with a compare-and-set, and records every attempt. All methods use the connection they are
 * given, so a migration's version change commits or rolls back with the migration itself.
 */
public final class VersionTables {

    private final VersionTableSql sql;

    public VersionTables(VersionTableSql sql) {
        this.sql = sql;
    }

    public VersionTableSql sql() {
        return sql;
    }

    public boolean exist(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.versionTableExists())) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Creates the tables when missing, and adds what tables made by an earlier Stepwise lack;
     * runs in autocommit under the run lock.
     */
    public void ensureCreated(Connection c) throws SQLException {
        boolean upToDate;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.tablesUpToDate())) {
            rs.next();
            upToDate = rs.getBoolean(1);
        }
        if (upToDate) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : sql.createTables()) {
                s.execute(ddl);
            }
        }
    }

    /**
     * Records where a batched step has got to and commits the batch's transaction, in one round
     * trip; a failing update leaves the server to skip the COMMIT sent with it.
     */
    public void saveProgressAndCommit(Connection c, long id, String progress) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql.saveProgressAndCommit(id, progress));
        }
    }

    /** Records where a batched step has got to, in the batch's own transaction. */
    public void saveProgress(Connection c, long id, String progress) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql.saveProgress())) {
            s.setString(1, progress);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /** The revisions in the version table; empty when nothing is applied or the table is missing. */
    public Set<String> heads(Connection c) throws SQLException {
        return exist(c) ? selectHeads(c) : Set.of();
    }

    /** The revisions in the version table, which must exist. */
    public Set<String> selectHeads(Connection c) throws SQLException {
        Set<String> heads = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.selectHeads())) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    /** Replaces every head, for {@code stamp}. */
    public void replaceHeads(Connection c, Set<String> heads) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql.deleteAllHeads());
        }
        try (PreparedStatement insert = c.prepareStatement(sql.insertHead())) {
            for (String head : heads) {
                insert.setString(1, head);
                insert.executeUpdate();
            }
        }
    }

    /** Writes a history row and returns its id. */
    public long record(Connection c, HistoryEntry e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql.insertHistory())) {
            s.setString(1, e.runId());
            s.setString(2, e.revision());
            s.setString(3, e.action().word());
            if (e.step() == null) {
                s.setNull(4, Types.INTEGER);
            } else {
                s.setInt(4, e.step());
            }
            s.setInt(5, e.stepsTotal());
            s.setString(6, e.checksum());
            s.setTimestamp(7, Timestamp.from(e.startedAt()));
            s.setTimestamp(8, e.finishedAt() == null ? null : Timestamp.from(e.finishedAt()));
            s.setString(9, e.appliedBy());
            s.setString(10, e.outcome().word());
            s.setString(11, e.error());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sets the outcome of a row written as running. */
    public void finish(Connection c, long id, Outcome outcome, Instant finishedAt, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql.finishHistory())) {
            s.setString(1, outcome.word());
            s.setTimestamp(2, Timestamp.from(finishedAt));
            s.setString(3, error);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    /** Marks the still-running rows of other runs as interrupted; returns how many. */
    public int markInterrupted(Connection c, String ownRunId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql.markInterrupted())) {
            s.setString(1, Outcome.RUNNING.word());
            s.setString(2, ownRunId);
            return s.executeUpdate();
        }
    }

    /** Deletes failed attempt rows; returns how many. */
    public int deleteFailed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql.deleteFailed());
        }
    }

    /** Every history row, oldest first; empty when the table does not exist yet. */
    public List<HistoryRow> rows(Connection c) throws SQLException {
        return exist(c) ? selectRows(c) : List.of();
    }

    /** Every history row, oldest first; the table must exist. */
    public List<HistoryRow> selectRows(Connection c) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.selectHistory())) {
            while (rs.next()) {
                int step = rs.getInt(5);
                Integer stepOrNull = rs.wasNull() ? null : step;
                Timestamp finished = rs.getTimestamp(9);
                long duration = rs.getLong(13);
                Long durationOrNull = rs.wasNull() ? null : duration;
                rows.add(new HistoryRow(rs.getLong(1), rs.getString(2), rs.getString(3), Action.of(rs.getString(4)),
                        stepOrNull, rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        finished == null ? null : finished.toInstant(), durationOrNull, rs.getString(10),
                        Outcome.of(rs.getString(11)), rs.getString(12), rs.getString(14)));
            }
        }
        return rows;
    }
}
