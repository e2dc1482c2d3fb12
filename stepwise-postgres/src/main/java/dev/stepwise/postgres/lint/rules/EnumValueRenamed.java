package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.parse.ParsedStatement;

/** Renaming an enum value breaks the running code that reads or writes the old label. */
public final class EnumValueRenamed implements LintRule {

    static final RuleInfo INFO = new RuleInfo("enum-value-renamed", RuleGroup.COMPATIBILITY, Severity.ERROR,
            "ALTER TYPE ... RENAME VALUE breaks the running code that uses the old label",
            "add the new value, move the data, stop writing the old one (PostgreSQL cannot drop an enum value, so the old label stays)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.compatibilityRulesApply() && ctx.parsed() instanceof ParsedStatement.RenameEnumValue rename
                // a type made by this migration has no users yet
                && ctx.state().enumLabels(rename.type().name()) == null) {
            ctx.report(INFO, INFO.severity(), rename.at(), rename.at() + 5,
                    "renaming '" + rename.from() + "' of " + rename.type() + " to '" + rename.to() + "' breaks the"
                            + " running code that writes or compares '" + rename.from() + "': its INSERTs fail and its"
                            + " queries find nothing",
                    "ALTER TYPE ... ADD VALUE '" + rename.to() + "', move the rows to it in batches, deploy code that"
                            + " uses it; the old label can stay (PostgreSQL cannot drop an enum value)", null);
        }
    }
}
