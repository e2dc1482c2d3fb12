package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Fixes;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.QualifiedName;

/**
 * A plain {@code DROP INDEX} takes ACCESS EXCLUSIVE on the index's table: instant once granted,
 * but while it waits for running queries every later one queues behind it.
 */
public final class DropIndexNonConcurrently implements LintRule {

    static final RuleInfo INFO = new RuleInfo("drop-index-non-concurrently", RuleGroup.LOCKING, Severity.WARNING,
            "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table",
            "DROP INDEX CONCURRENTLY (not for an index that backs a constraint)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.parsed() instanceof ParsedStatement.DropIndex drop) || drop.concurrently() || drop.indexes().isEmpty()) {
            return;
        }
        boolean allNew = drop.indexes().stream().map(QualifiedName::name).allMatch(ctx.state()::createdIndex);
        ctx.report(INFO, allNew ? Severity.INFO : INFO.severity(), 0, 3,
                "DROP INDEX takes ACCESS EXCLUSIVE on the index's table: quick once granted, but while it waits for"
                        + " the queries running on the table every later read and write queues behind it",
                "drop it with DROP INDEX CONCURRENTLY, which waits without blocking anyone (one index per statement;"
                        + " an index that backs a constraint goes with ALTER TABLE ... DROP CONSTRAINT)",
                drop.indexes().size() == 1 ? Fixes.insertAfter(ctx.statement().sql(), "^\\s*DROP\\s+INDEX", "CONCURRENTLY")
                        : null);
    }
}
