package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.parse.ParsedStatement;

/** Renaming a column breaks every query of the running code that names it. */
public final class RenameColumn implements LintRule {

    static final RuleInfo INFO = new RuleInfo("rename-column", RuleGroup.COMPATIBILITY, Severity.ERROR,
            "RENAME COLUMN breaks the running code that uses the old name",
            "expand: add the new column with a two-way sync trigger and a backfill; contract: drop the old one");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!ctx.compatibilityRulesApply() || !(ctx.parsed() instanceof ParsedStatement.AlterTable alter)
                || ctx.table(alter.table()).isNew()) {
            return;
        }
        for (ParsedStatement.AlterAction action : alter.actions()) {
            if (action instanceof ParsedStatement.RenameColumn rename
                    && !ctx.state().addedColumn(alter.table(), rename.from())) {
                ctx.report(INFO, INFO.severity(), action,
                        "renaming " + alter.table() + "." + rename.from() + " to " + rename.to() + " breaks every query of"
                                + " the running code that names " + rename.from() + ", from the moment it commits",
                        "add " + rename.to() + " next to " + rename.from() + " with a trigger that keeps them equal and a"
                                + " batched backfill in an expand migration, deploy code that uses " + rename.to()
                                + ", then drop " + rename.from() + " in a contract migration", null);
            }
        }
    }
}
