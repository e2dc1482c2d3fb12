package dev.stepwise.dialect;

import java.sql.SQLException;
import java.util.List;

/**
 * Looks, from a connection of its own, at the table locks and wait events of one run's backends:
 * what {@code stepwise test} samples at a short interval while each migration runs, to say which
 * lock each table was held under and for how long. The connection stays in autocommit, so it holds
 * no snapshot a concurrent index build of the run would wait for.
 */
public interface LockSampler {

    /**
     * A table lock a backend of the run holds or waits for.
     *
     * @param mode          the lock mode in the product's words ({@code ACCESS EXCLUSIVE})
     * @param strength      its rank, higher for a lock that conflicts with more (1 weakest)
     * @param blocksTraffic whether it blocks the application's reads or writes (SHARE and stronger)
     * @param granted       held, or still waited for
     */
    record HeldLock(String schema, String table, String mode, int strength, boolean blocksTraffic,
                    boolean granted) {
    }

    /**
     * One look at the run's backends.
     *
     * @param locks      the table locks they hold or wait for
     * @param waitEvents what each active backend waits on ({@code Lock:relation}, {@code Timeout:PgSleep}); an
     *                   active backend that waits on nothing shows as {@code CPU}
     */
    record Sample(List<HeldLock> locks, List<String> waitEvents) {

        public Sample {
            locks = List.copyOf(locks);
            waitEvents = List.copyOf(waitEvents);
        }
    }

    /** Samples the backends of the run; the sampler's own backend is left out. */
    Sample sample() throws SQLException;
}
