package dev.stepwise.dialect;

import java.sql.SQLException;
import java.util.List;

/**
 * Finds the work backends of an earlier, killed run: their client is gone, but a statement they
 * were running (a concurrent index build) may still be going and would collide with a resumed run.
 */
public interface OrphanReaper {

    /** Work backends of runs other than {@code ownRunId} whose lock connection is gone. */
    List<Orphan> find(String ownRunId) throws SQLException;

    /** Asks the server to end a backend; true when the signal was sent. */
    boolean terminate(int pid) throws SQLException;

    /**
     * A backend left behind.
     *
     * @param pid             server process id
     * @param applicationName its application_name (names the run)
     * @param state           e.g. {@code active}
     * @param query           what it is running, possibly truncated
     */
    record Orphan(int pid, String applicationName, String state, String query) {
    }
}
