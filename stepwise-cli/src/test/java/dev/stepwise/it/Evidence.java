package dev.stepwise.it;

import dev.stepwise.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the server says happened, read from its catalog and statistics views and from Stepwise's
 * own tables, on a connection of the test's (never through Stepwise).
 */
public final class Evidence {

    /** A row of {@code stepwise_history}, without the timing columns. */
    public record HistoryLine(String runId, String revision, String direction, Integer step, int stepsTotal,
                              String outcome, String error) {
    }

    /** A row of {@code pg_stat_activity}. */
    public record Backend(int pid, String applicationName, String state, boolean inTransaction, boolean holdsSnapshot,
                          String waitEventType, String query) {
    }

    private final TestDatabase db;

    private Evidence(TestDatabase db) {
        this.db = db;
    }

    public static Evidence of(TestDatabase db) {
        return new Evidence(db);
    }

    /** The rows of {@code stepwise_version}, sorted. */
    public List<String> versionRows() {
        return db.column("SELECT revision FROM public.stepwise_version ORDER BY revision");
    }

    public List<HistoryLine> history() {
        return query("SELECT run_id, revision, direction, step, steps_total, outcome, error"
                + " FROM public.stepwise_history ORDER BY id", List.of(), rs -> new HistoryLine(rs.getString(1),
                rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), rs.getInt(5), rs.getString(6),
                rs.getString(7)));
    }

    /** Whole-migration rows of a revision in one direction with one outcome. */
    public long wholeRows(String revision, String direction, String outcome) {
        return history().stream().filter(h -> h.revision().equals(revision) && h.direction().equals(direction)
                && h.step() == null && h.outcome().equals(outcome)).count();
    }

    /** Step rows of a revision, in the order written. */
    public List<HistoryLine> stepRows(String revision) {
        return history().stream().filter(h -> h.revision().equals(revision) && h.step() != null).toList();
    }

    public boolean tableExists(String name) {
        return db.value("SELECT to_regclass('public." + name + "') IS NOT NULL").equals("t");
    }

    public boolean columnExists(String table, String column) {
        return db.value("SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('public." + table + "')"
                + " AND attname = '" + column + "' AND NOT attisdropped").equals("1");
    }

    /** The index's {@code pg_index.indisvalid}, or empty when there is no such index. */
    public Optional<Boolean> indexValid(String name) {
        List<String> v = db.column("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('public." + name + "')");
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0).equals("t"));
    }

    /** Backends of this database whose application_name matches a LIKE pattern. */
    public List<Backend> backends(String applicationNameLike) {
        return query("SELECT pid, application_name, coalesce(state, ''), xact_start IS NOT NULL,"
                        + " backend_xmin IS NOT NULL, coalesce(wait_event_type, ''), coalesce(query, '')"
                        + " FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE ?"
                        + " ORDER BY pid", List.of(applicationNameLike),
                rs -> new Backend(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getString(6), rs.getString(7)));
    }

    public boolean backendAlive(int pid) {
        return db.value("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid).equals("1");
    }

    /** Whether a backend holds a granted advisory lock. */
    public boolean holdsAdvisoryLock(int pid) {
        return !db.value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = " + pid)
                .equals("0");
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<String> parameters, RowReader<T> reader) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
