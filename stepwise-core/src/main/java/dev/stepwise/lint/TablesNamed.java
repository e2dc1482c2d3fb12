package dev.stepwise.lint;

import java.util.Set;

/**
 * The tables a migration's {@code +up} names (lower-case names without schema): those it creates,
 * changes, fills or drops, and those it only locks or reads, such as a foreign key's target. A
 * later migration naming a table an earlier one changes cannot be judged before that one runs.
 */
public record TablesNamed(Set<String> changed, Set<String> read) {

    public TablesNamed {
        changed = Set.copyOf(changed);
        read = Set.copyOf(read);
    }

    /** Whether this migration names a table that {@code earlier} changes. */
    public boolean dependsOn(TablesNamed earlier) {
        return earlier.changed.stream().anyMatch(t -> changed.contains(t) || read.contains(t));
    }
}
