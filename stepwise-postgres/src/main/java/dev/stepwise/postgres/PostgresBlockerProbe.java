package dev.stepwise.postgres;

import dev.stepwise.dialect.Blocker;
import dev.stepwise.dialect.BlockerProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Names who blocks a backend, from {@code pg_blocking_pids} and {@code pg_stat_activity}, asked
 * while the backend still waits (once its lock timeout fires, the wait and the answer are gone).
 * A prepared transaction shows as pid 0; other roles' statements need {@code pg_read_all_stats}.
 */
final class PostgresBlockerProbe implements BlockerProbe {

    private static final String QUERY = "SELECT b.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),"
            + " coalesce(left(a.query, 300), ''),"
            + " (extract(epoch FROM clock_timestamp() - coalesce(a.xact_start, a.query_start, a.backend_start))"
            + " * 1000)::bigint,"
            + " coalesce(a.backend_type, '')"
            + " FROM unnest(pg_catalog.pg_blocking_pids(?)) AS b(pid)"
            + " LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = b.pid"
            + " ORDER BY 5 DESC NULLS LAST";

    private final Connection connection;

    PostgresBlockerProbe(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<Blocker> blockersOf(int pid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(QUERY)) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                List<Blocker> blockers = new ArrayList<>();
                while (rs.next()) {
                    int blocker = rs.getInt(1);
                    long ms = rs.getLong(5);
                    Duration age = rs.wasNull() ? null : Duration.ofMillis(Math.max(ms, 0));
                    String query = rs.getString(4);
                    String backendType = rs.getString(6);
                    Blocker.Kind kind = !backendType.equals("autovacuum worker") ? Blocker.Kind.SESSION
                            : query.contains("(to prevent wraparound)") ? Blocker.Kind.WRAPAROUND_AUTOVACUUM
                            : Blocker.Kind.AUTOVACUUM;
                    String state = blocker == 0 ? "prepared transaction" : rs.getString(3);
                    blockers.add(new Blocker(blocker, rs.getString(2), state, query, age, kind));
                }
                return blockers;
            }
        }
    }
}
