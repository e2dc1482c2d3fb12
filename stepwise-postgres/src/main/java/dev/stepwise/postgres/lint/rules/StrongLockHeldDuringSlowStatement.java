package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.StatementParser;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.sql.SqlStatement;

/**
 * In one transaction every lock stays held until the commit: a strong lock taken first is held
 * while a slow statement after it runs (an instant {@code ADD COLUMN} followed by a backfill keeps
 * the table blocked for the whole backfill). Stepwise never reorders statements, so lint says so.
 */
public final class StrongLockHeldDuringSlowStatement implements LintRule {

    static final RuleInfo INFO = new RuleInfo("strong-lock-held-during-slow-statement", RuleGroup.TRANSACTION,
            Severity.WARNING, "a lock that blocks traffic stays held while a slower statement of the same transaction runs",
            "take the strong lock last, or give the slow statement a step of its own (-- stepwise:batch, CONCURRENTLY)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.batched()) {
            return;
        }
        // what the statement does first: asking which lock is held may read the catalog
        QualifiedName target;
        String doing;
        if (ctx.parsed() instanceof ParsedStatement.DataChange change && change.table() != null) {
            target = change.table();
            doing = "changes rows of ";
        } else if (ctx.parsed() instanceof ParsedStatement.CreateIndex index && !index.concurrently()
                && index.table() != null) {
            target = index.table();
            doing = "builds an index on ";
        } else {
            return;
        }
        TableView table = ctx.table(target);
        if (table.isNew()) {
            return;
        }
        SqlStatement held = ctx.strongLockHeld();
        // on the table the lock is on, the statement's own locking rule says what it blocks
        if (held == null || target.equals(lockedBy(held)) || table.isSmall()) {
            return;
        }
        String first = held.sql().strip().replaceAll("\\s+", " ");
        ctx.report(INFO, INFO.severity(), 0, 2,
                "this statement " + doing + table.describe() + " while the lock taken at line " + held.line() + " ("
                        + (first.length() > 60 ? first.substring(0, 57) + "..." : first)
                        + ") is still held: that table stays blocked until this one is done",
                "move the statement that takes the strong lock after it, or give this one a step of its own",
                null);
    }

    private static QualifiedName lockedBy(SqlStatement held) {
        ParsedStatement first = StatementParser.parse(held.tokens());
        return first instanceof ParsedStatement.AlterTable a ? a.table()
                : first instanceof ParsedStatement.CreateIndex i ? i.table() : null;
    }
}
