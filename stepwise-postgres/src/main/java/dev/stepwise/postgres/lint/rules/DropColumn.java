package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.parse.ParsedStatement;

/** Dropping a column the running code still reads or writes breaks it: that belongs in a contract migration. */
public final class DropColumn implements LintRule {

    static final RuleInfo INFO = new RuleInfo("drop-column", RuleGroup.COMPATIBILITY, Severity.ERROR,
            "DROP COLUMN in an expand migration breaks the code still using the column",
            "drop it in a contract migration, after a deploy that stops using it");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!ctx.compatibilityRulesApply() || !(ctx.parsed() instanceof ParsedStatement.AlterTable alter)) {
            return;
        }
        for (ParsedStatement.AlterAction action : alter.actions()) {
            if (action instanceof ParsedStatement.DropColumn drop && !ctx.state().addedColumn(alter.table(), drop.column())) {
                ctx.report(INFO, INFO.severity(), action,
                        "the running code still reads or writes " + alter.table() + "." + drop.column() + ": dropping it"
                                + " before a deploy that stops using it breaks those queries",
                        "move the drop into a contract migration (phase: contract) that runs after the code no longer"
                                + " uses the column", null);
            }
        }
    }
}
