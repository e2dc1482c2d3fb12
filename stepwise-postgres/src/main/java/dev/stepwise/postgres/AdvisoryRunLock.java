package dev.stepwise.postgres;

import dev.stepwise.dialect.RunLock;
import dev.stepwise.dialect.TableNames;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The run lock as a session-level advisory lock, tried with {@code pg_try_advisory_lock} on a
 * connection of its own.
 *
 * <p>Never the blocking {@code pg_advisory_lock} inside a transaction: a waiting runner would hold
 * a snapshot, and the running one's {@code CREATE INDEX CONCURRENTLY} waits for every older
 * snapshot, so the two would wait for each other. Never a lock row in a table either: it stays
 * behind when a runner is killed, while a session lock ends with the session.
 */
final class AdvisoryRunLock implements RunLock {

    private final Connection connection;
    private final long key;

    AdvisoryRunLock(Connection connection, TableNames names) {
        this.connection = connection;
        this.key = keyOf(names);
    }

    /** A stable 64-bit key per version table, so projects sharing a database don't serialise each other. */
    static long keyOf(TableNames names) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("stepwise:" + names.schema() + "." + names.version()).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean tryAcquire() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public Optional<LockHolder> holder() throws SQLException {
        // A bigint advisory key shows in pg_locks as classid (high half) and objid (low half).
        String sql = "SELECT a.pid, coalesce(a.application_name, ''), a.backend_start::text"
                + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?"
                + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LockHolder(rs.getInt(1), rs.getString(2), rs.getString(3)));
            }
        }
    }

    /**
     * A session-level advisory lock ends only when this session unlocks it or ends, and Stepwise
     * unlocks it only when the run closes: so this session being alive means the lock is held.
     * One empty round trip is cheaper than reading {@code pg_locks} before every commit.
     */
    @Override
    public boolean isHeld() throws SQLException {
        return connection.isValid(10);
    }

    @Override
    public void release() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        }
    }
}
