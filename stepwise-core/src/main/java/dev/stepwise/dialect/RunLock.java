package dev.stepwise.dialect;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database-side lock that serialises runners: a session-level advisory lock on PostgreSQL,
 * held by a connection of its own that stays in autocommit.
 */
public interface RunLock {

    /** Tries once without waiting; true when this session now holds the lock. */
    boolean tryAcquire() throws SQLException;

    /** Who holds the lock now, if anyone can be seen holding it. */
    Optional<LockHolder> holder() throws SQLException;

    /** Whether this session still holds the lock; false or an exception when its connection died. */
    boolean isHeld() throws SQLException;

    void release() throws SQLException;

    /**
     * The backend holding the run lock.
     *
     * @param pid             server process id
     * @param applicationName its application_name
     * @param since           when its current state began, as the server reports it
     */
    record LockHolder(int pid, String applicationName, String since) {
    }
}
