package dev.stepwise.command;

import java.util.List;
import java.util.Set;

/** What an upgrade or downgrade did: where it started and ended, and each migration in between. */
public record RunResult(Set<String> headsBefore, Set<String> headsAfter, List<AppliedMigration> migrations) {

    public RunResult {
        headsBefore = Set.copyOf(headsBefore);
        headsAfter = Set.copyOf(headsAfter);
        migrations = List.copyOf(migrations);
    }

    public boolean changedNothing() {
        return migrations.isEmpty();
    }
}
