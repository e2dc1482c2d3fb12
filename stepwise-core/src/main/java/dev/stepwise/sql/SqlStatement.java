package dev.stepwise.sql;

import java.util.List;

/**
 * One statement of a migration's plan: its text, where it stands in the file, the directives
 * above it and whether it may run inside the migration's transaction.
 */
public record SqlStatement(
        String sql,
        int line,
        int column,
        List<String> tokens,
        List<Directive> directives,
        ExecutionMode mode) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
        directives = List.copyOf(directives);
    }

    public boolean runsInTransaction() {
        return mode == ExecutionMode.TRANSACTIONAL;
    }

    /** The first directive with this name, or null. */
    public Directive directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }
}
