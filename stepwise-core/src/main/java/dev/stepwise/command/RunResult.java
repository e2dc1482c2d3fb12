package dev.stepwise.command;

import java.util.List;
import java.util.Set;

/**
 * What an upgrade or downgrade did: where it started and ended, each migration in between, and
 * what waits (contract migrations held back by the gate or by {@code --phase expand}, and what
 * comes after them).
 */
public record RunResult(Set<String> headsBefore, Set<String> headsAfter, List<AppliedMigration> migrations,
                        List<Waiting> waiting) {

    /** A pending migration this run left for later, and why. */
    public record Waiting(String revision, String message, String reason) {
    }

    public RunResult {
        headsBefore = Set.copyOf(headsBefore);
        headsAfter = Set.copyOf(headsAfter);
        // a run's own list is immutable and compact already; a copy would hold an entry per migration
        migrations = migrations instanceof AppliedMigrations ? migrations : List.copyOf(migrations);
        waiting = List.copyOf(waiting);
    }

    public RunResult(Set<String> headsBefore, Set<String> headsAfter, List<AppliedMigration> migrations) {
        this(headsBefore, headsAfter, migrations, List.of());
    }

    public boolean changedNothing() {
        return migrations.isEmpty();
    }
}
