package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.Section;
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

    /** A contract's down puts back what the old code needs; dropping there breaks the code running then. */
    static final String DOWN_HELP = "this +down undoes a contract migration, while code that may use it still runs:"
            + " leave it in place in the down, and drop it in a later contract migration if it must go";

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
                        ctx.section() == Section.DOWN ? DOWN_HELP : "move the drop into a contract migration (phase:"
                                + " contract) that runs after the code no longer uses the column", null);
            }
        }
    }
}
