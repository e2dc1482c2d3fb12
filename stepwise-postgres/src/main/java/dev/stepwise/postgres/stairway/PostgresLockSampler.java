package dev.stepwise.postgres.stairway;

import dev.stepwise.dialect.LockSampler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Samples {@code pg_locks} joined with {@code pg_stat_activity} for the backends whose
 * {@code application_name} carries the run id ({@code stepwise-<run>-<role>}): one query per
 * sample, relation locks on tables (plain, partitioned, materialized views) only, since an
 * index's lock comes with its table's.
 */
public final class PostgresLockSampler implements LockSampler {

    private static final String QUERY = "SELECT a.pid, a.state, coalesce(a.wait_event_type, ''),"
            + " coalesce(a.wait_event, ''), n.nspname, c.relname, l.mode, l.granted"
            + " FROM pg_catalog.pg_stat_activity a"
            + " LEFT JOIN pg_catalog.pg_locks l ON l.pid = a.pid AND l.locktype = 'relation'"
            + "  AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
            + " LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation AND c.relkind IN ('r', 'p', 'm')"
            + " LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE a.application_name LIKE ? AND a.pid <> pg_catalog.pg_backend_pid()"
            + "  AND n.nspname IS DISTINCT FROM 'pg_catalog'";

    /** PostgreSQL's table lock modes, weakest first: each conflicts with at least what the one before does. */
    private static final Map<String, Integer> STRENGTH = Map.of(
            "AccessShareLock", 1, "RowShareLock", 2, "RowExclusiveLock", 3, "ShareUpdateExclusiveLock", 4,
            "ShareLock", 5, "ShareRowExclusiveLock", 6, "ExclusiveLock", 7, "AccessExclusiveLock", 8);

    /** SHARE: the weakest mode that blocks writes. */
    private static final int BLOCKS_TRAFFIC = 5;

    private final Connection connection;
    private final String pattern;

    public PostgresLockSampler(Connection connection, String runId) {
        this.connection = connection;
        // the run id is hex: no LIKE wildcard in it
        this.pattern = "stepwise-" + runId + "-%";
    }

    @Override
    public Sample sample() throws SQLException {
        List<HeldLock> locks = new ArrayList<>();
        Map<Integer, String> waits = new java.util.TreeMap<>();
        try (PreparedStatement s = connection.prepareStatement(QUERY)) {
            s.setString(1, pattern);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int pid = rs.getInt(1);
                    if ("active".equals(rs.getString(2))) {
                        String type = rs.getString(3);
                        waits.put(pid, type.isEmpty() ? "CPU" : type + ":" + rs.getString(4));
                    }
                    String table = rs.getString(6);
                    if (table == null) {
                        continue;
                    }
                    String mode = rs.getString(7);
                    int strength = STRENGTH.getOrDefault(mode, 8);
                    locks.add(new HeldLock(rs.getString(5), table, words(mode), strength,
                            strength >= BLOCKS_TRAFFIC, rs.getBoolean(8)));
                }
            }
        }
        return new Sample(locks, List.copyOf(waits.values()));
    }

    /** {@code AccessExclusiveLock} as the documentation says it: {@code ACCESS EXCLUSIVE}. */
    static String words(String mode) {
        String bare = mode.endsWith("Lock") ? mode.substring(0, mode.length() - 4) : mode;
        return bare.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
