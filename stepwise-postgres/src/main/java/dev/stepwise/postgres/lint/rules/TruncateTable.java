package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Fixes;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.QualifiedName;

/**
 * {@code TRUNCATE} takes ACCESS EXCLUSIVE and is not MVCC-safe: transactions already running see
 * the table empty; with CASCADE it empties every table that references it too.
 */
public final class TruncateTable implements LintRule {

    static final RuleInfo INFO = new RuleInfo("truncate-table", RuleGroup.LOCKING, Severity.ERROR,
            "TRUNCATE takes ACCESS EXCLUSIVE and is not MVCC-safe",
            "DELETE in batches (-- stepwise:batch), never CASCADE");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.parsed() instanceof ParsedStatement.Truncate truncate)) {
            return;
        }
        for (QualifiedName name : truncate.tables()) {
            TableView table = ctx.table(name);
            ctx.report(INFO, ctx.lockingSeverity(INFO, table), 0, 2 + truncate.tables().size(),
                    "TRUNCATE takes ACCESS EXCLUSIVE on " + table.describe() + ", empties it into a new file and is"
                            + " not MVCC-safe: transactions already running see it empty" + (truncate.cascade()
                            ? "; CASCADE empties every table that references it too" : ""),
                    "delete the rows in batches: -- stepwise:batch then DELETE FROM " + Fixes.table(name),
                    "-- stepwise:batch size=auto\nDELETE FROM " + Fixes.table(name));
        }
    }
}
