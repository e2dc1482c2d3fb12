package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Fixes;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.parse.ParsedStatement;

/**
 * A plain {@code REINDEX} blocks writes to the table and locks the index ACCESS EXCLUSIVE; since
 * the planner locks every index of a table, practically every query on it waits.
 */
public final class ReindexNonConcurrently implements LintRule {

    static final RuleInfo INFO = new RuleInfo("reindex-non-concurrently", RuleGroup.LOCKING, Severity.ERROR,
            "REINDEX without CONCURRENTLY blocks the table's queries while it rebuilds",
            "REINDEX ... CONCURRENTLY (PostgreSQL 12+)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.parsed() instanceof ParsedStatement.Reindex reindex) || reindex.concurrently()
                || reindex.scope().equals("SYSTEM")) {
            return;
        }
        boolean canConcurrently = ctx.serverVersion() >= 12;
        ctx.report(INFO, INFO.severity(), 0, 3,
                "REINDEX " + reindex.scope() + " takes SHARE on the table, blocking writes, and ACCESS EXCLUSIVE on the"
                        + " index it rebuilds; as the planner locks every index of a table, nearly every query on it waits",
                canConcurrently ? "rebuild with REINDEX ... CONCURRENTLY, which Stepwise runs as a step of its own"
                        : "PostgreSQL " + ctx.serverVersion() + " has no REINDEX CONCURRENTLY: build a new index"
                        + " concurrently and drop the old one concurrently",
                canConcurrently ? Fixes.insertAfter(ctx.statement().sql(),
                        "^\\s*REINDEX\\s+(\\([^)]*\\)\\s*)?(INDEX|TABLE|SCHEMA|DATABASE)", "CONCURRENTLY") : null);
    }
}
