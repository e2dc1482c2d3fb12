package dev.stepwise.stairway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the watcher saw of one migration's up: per table, the strongest lock the run held on it and
 * for how long, and what the run's backends waited on. Durations are measured by sampling at a
 * fixed interval, so each is good to about one interval.
 *
 * @param tables              the tables the run locked, strongest lock first
 * @param waitEvents          each wait event seen, with about how long the run's backends spent in it
 * @param blockingOnExisting  how long it held a lock that blocks traffic (SHARE or stronger) on any
 *                            table that existed before the migration
 * @param interval            the sampling interval
 * @param samples             how many samples were taken
 * @param error               why sampling stopped early, or null
 */
public record LockProfile(List<TableLock> tables, Map<String, Duration> waitEvents, Duration blockingOnExisting,
                          Duration interval, int samples, String error) {

    public LockProfile {
        tables = List.copyOf(tables);
        waitEvents = Map.copyOf(waitEvents);
    }

    /**
     * One table's locks.
     *
     * @param mode        the strongest mode held ({@code ACCESS EXCLUSIVE})
     * @param heldFor     how long that mode was held
     * @param blockingFor how long a mode that blocks traffic was held (zero when none was)
     * @param existed     whether the table existed before the migration (a new table blocks nobody)
     * @param rows        its rows before the migration
     * @param bytes       its size before the migration
     * @param large       whether that is above the checklist's size threshold
     */
    public record TableLock(String table, String mode, Duration heldFor, Duration blockingFor, boolean existed,
                            long rows, long bytes, boolean large) {
    }
}
