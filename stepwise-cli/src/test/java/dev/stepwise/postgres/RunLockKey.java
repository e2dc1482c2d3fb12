package dev.stepwise.postgres;

import dev.stepwise.dialect.TableNames;

/** The advisory lock key a runner takes, so a test can hold the same lock on a connection of its own. */
public final class RunLockKey {

    private RunLockKey() {
    }

    public static long of(TableNames names) {
        return AdvisoryRunLock.keyOf(names);
    }
}
