package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Fixes;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;

/** {@code REFRESH MATERIALIZED VIEW} locks the view ACCESS EXCLUSIVE while it recomputes it. */
public final class RefreshMaterializedViewNonConcurrently implements LintRule {

    static final RuleInfo INFO = new RuleInfo("refresh-materialized-view-non-concurrently", RuleGroup.LOCKING,
            Severity.WARNING, "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks the view's readers",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.parsed() instanceof ParsedStatement.RefreshMaterializedView refresh) || refresh.concurrently()
                || refresh.view() == null) {
            return;
        }
        TableView view = ctx.table(refresh.view());
        ctx.report(INFO, ctx.lockingSeverity(INFO, view), 0, 4,
                "REFRESH MATERIALIZED VIEW takes ACCESS EXCLUSIVE on " + view.describe() + ", blocking every read of it"
                        + " while it recomputes the whole view",
                "REFRESH ... CONCURRENTLY lets reads go on (it needs a unique index on the view, and takes longer)",
                Fixes.insertAfter(ctx.statement().sql(), "^\\s*REFRESH\\s+MATERIALIZED\\s+VIEW", "CONCURRENTLY"));
    }
}
