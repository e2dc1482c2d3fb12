package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Estimates;
import dev.stepwise.postgres.lint.Fixes;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;

/** A plain {@code CREATE INDEX} blocks every write to an existing table while the index builds. */
public final class CreateIndexNonConcurrently implements LintRule {

    static final RuleInfo INFO = new RuleInfo("create-index-non-concurrently", RuleGroup.LOCKING, Severity.ERROR,
            "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds",
            "CREATE INDEX CONCURRENTLY, which Stepwise runs as a step of its own");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.parsed() instanceof ParsedStatement.CreateIndex index) || index.concurrently() || index.table() == null
                // the parent's own index of a partitioned table: catalog only, each partition's is built apart
                || index.parentOnly()) {
            return;
        }
        TableView table = ctx.table(index.table());
        int on = ctx.statement().tokens().stream().map(String::toUpperCase).toList().indexOf("ON");
        ctx.report(INFO, ctx.lockingSeverity(INFO, table), 0, on < 0 ? 3 : on,
                "CREATE INDEX takes SHARE on " + table.describe() + ", which blocks every INSERT, UPDATE and DELETE"
                        + " until the index is built" + Estimates.of(table, Estimates.INDEX_BUILD),
                table.isNew() ? "fine on a table created in this migration: nobody writes to it yet"
                        : "build it with CREATE INDEX CONCURRENTLY: it blocks no reads or writes, and Stepwise runs it"
                        + " as a step of its own",
                table.isNew() ? null : Fixes.concurrently(ctx.statement().sql()));
    }
}
