package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.Section;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.QualifiedName;

/** Dropping a table the running code uses breaks it. */
public final class DropTable implements LintRule {

    static final RuleInfo INFO = new RuleInfo("drop-table", RuleGroup.COMPATIBILITY, Severity.ERROR,
            "DROP TABLE in an expand migration breaks the code still using the table",
            "drop it in a contract migration, after a deploy that stops using it (foreign keys first)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!ctx.compatibilityRulesApply() || !(ctx.parsed() instanceof ParsedStatement.DropTable drop)) {
            return;
        }
        for (QualifiedName table : drop.tables()) {
            if (!ctx.state().created(table)) {
                ctx.report(INFO, INFO.severity(), 0, 3,
                        "the running code still uses " + table + ": dropping it before a deploy that stops using it"
                                + " breaks those queries (and the data is gone)",
                        ctx.section() == Section.DOWN ? DropColumn.DOWN_HELP
                                : "drop it in a contract migration (phase: contract), after the code no longer uses it",
                        null);
            }
        }
    }
}
