package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Estimates;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.ParsedStatement.TableConstraint;

/** An exclusion constraint builds its index under ACCESS EXCLUSIVE, and there is no non-blocking way. */
public final class ExclusionConstraint implements LintRule {

    static final RuleInfo INFO = new RuleInfo("exclusion-constraint", RuleGroup.LOCKING, Severity.WARNING,
            "ADD EXCLUDE builds its index under ACCESS EXCLUSIVE, with no non-blocking alternative",
            "add it while the table is small, or in a maintenance window");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable alter)) {
            return;
        }
        TableView table = ctx.table(alter.table());
        for (ParsedStatement.AlterAction action : alter.actions()) {
            if (action instanceof ParsedStatement.AddConstraint add && add.constraint() != null
                    && add.constraint().kind() == TableConstraint.Kind.EXCLUDE) {
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "ADD EXCLUDE builds its index on " + table.describe() + " under ACCESS EXCLUSIVE, blocking every"
                                + " read and write until it is built, and PostgreSQL has no concurrent way to add one"
                                + Estimates.of(table, Estimates.INDEX_BUILD),
                        INFO.instead(), null);
            }
        }
    }
}
