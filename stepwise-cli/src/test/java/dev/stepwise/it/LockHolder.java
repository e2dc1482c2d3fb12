package dev.stepwise.it;

import dev.stepwise.dialect.TableNames;
import dev.stepwise.postgres.RunLockKey;
import dev.stepwise.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A test connection holding Stepwise's run lock the way a runner would (a session-level advisory
 * lock on the key of the default version table), standing in for a runner busy elsewhere.
 */
public final class LockHolder implements AutoCloseable {

    private final Connection connection;
    private final long key = RunLockKey.of(TableNames.DEFAULT);
    private final int pid;

    private LockHolder(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            this.pid = rs.getInt(1);
        }
    }

    /** Connects with the given application_name and takes the lock. */
    public static LockHolder take(TestDatabase db, String applicationName) {
        try {
            Connection c = db.connect();
            try (Statement s = c.createStatement()) {
                s.execute("SET application_name = '" + applicationName + "'");
            }
            LockHolder holder = new LockHolder(c);
            holder.call("SELECT pg_advisory_lock(?)");
            return holder;
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the run lock: " + e.getMessage(), e);
        }
    }

    public int pid() {
        return pid;
    }

    public void release() {
        try {
            call("SELECT pg_advisory_unlock(?)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void call(String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, key);
            s.execute();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the session ends with the connection, and its lock with it
        }
    }
}
