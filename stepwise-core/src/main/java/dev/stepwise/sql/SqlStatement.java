package dev.stepwise.sql;

import java.util.List;

/**
 * One statement of a migration's plan: its text, where it stands in the file, the directives
 * above it, and what the dialect knows of it (how it runs, how strongly it locks).
 */
public record SqlStatement(
        String sql,
        int line,
        int column,
        List<String> tokens,
        List<Directive> directives,
        StatementTraits traits) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
        directives = List.copyOf(directives);
    }

    public ExecutionMode mode() {
        return traits.mode();
    }

    public LockImpact lock() {
        return traits.lock();
    }

    /** Whether it shares the transaction of the statements around it. */
    public boolean runsInTransaction() {
        return traits.mode().sharesTransaction();
    }

    /** The first directive with this name, or null. */
    public Directive directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }
}
