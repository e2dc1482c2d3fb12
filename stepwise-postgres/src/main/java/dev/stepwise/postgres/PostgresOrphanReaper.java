package dev.stepwise.postgres;

import dev.stepwise.dialect.OrphanReaper;
import dev.stepwise.dialect.SessionRole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds work backends whose run has no lock backend any more: the client was killed, but the
 * server has not noticed yet (before PostgreSQL 14 it only notices when it next writes to the
 * client, which a long concurrent index build does not do).
 */
final class PostgresOrphanReaper implements OrphanReaper {

    private final Connection connection;

    PostgresOrphanReaper(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<Orphan> find(String ownRunId) throws SQLException {
        String workSuffix = "-" + SessionRole.WORK.keyword();
        String lockSuffix = "-" + SessionRole.LOCK.keyword();
        String sql = "SELECT a.pid, a.application_name, coalesce(a.state, ''), left(coalesce(a.query, ''), 200)"
                + " FROM pg_catalog.pg_stat_activity a"
                + " WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()"
                + " AND a.application_name LIKE 'stepwise-%' || ?"
                + " AND a.application_name <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity b"
                + "   WHERE b.application_name = left(a.application_name, length(a.application_name) - ?) || ?)"
                + " ORDER BY a.pid";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, workSuffix);
            s.setString(2, PostgresDialect.applicationName(ownRunId, SessionRole.WORK));
            s.setInt(3, workSuffix.length());
            s.setString(4, lockSuffix);
            try (ResultSet rs = s.executeQuery()) {
                List<Orphan> orphans = new ArrayList<>();
                while (rs.next()) {
                    orphans.add(new Orphan(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                return orphans;
            }
        }
    }

    @Override
    public boolean terminate(int pid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
