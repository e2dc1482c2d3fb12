package dev.stepwise.postgres.lint;

import dev.stepwise.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one transaction that took a lock blocking traffic on a table from before the
 * migration, in order: a later statement of the transaction runs while the first of them whose
 * table is not small still holds its lock.
 *
 * <p>Whether a table is small is asked only when a rule wants to know which lock is held, as
 * asking may read the catalog; the answer is kept, so a long transaction is walked once.
 */
public final class LocksTaken {

    private record Taken(SqlStatement statement, TableView table) {
    }

    private final List<Taken> taken = new ArrayList<>();
    /** How many of {@link #taken} were found small, from the first: the next to ask about. */
    private int small;

    void add(SqlStatement statement, TableView table) {
        taken.add(new Taken(statement, table));
    }

    /** What a statement sees: the locks taken before it. */
    Before before() {
        return new Before(this, taken.size());
    }

    /** The locks a transaction's statement finds taken before it. */
    public static final class Before {
        static final Before NONE = new Before(new LocksTaken(), 0);

        private final LocksTaken all;
        private final int count;

        private Before(LocksTaken all, int count) {
            this.all = all;
            this.count = count;
        }

        /** The first of them on a table that is not small, or null. */
        SqlStatement strongLockHeld() {
            while (all.small < count) {
                Taken t = all.taken.get(all.small);
                if (!t.table().isSmall()) {
                    return t.statement();
                }
                all.small++;
            }
            return null;
        }
    }
}
