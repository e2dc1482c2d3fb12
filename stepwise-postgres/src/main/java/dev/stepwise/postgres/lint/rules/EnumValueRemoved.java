package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.TableFacts;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;

import java.util.List;

/**
 * PostgreSQL cannot drop an enum value, so removing one means moving a column to a new enum type
 * without it; the running code that still writes the dropped label then fails.
 */
public final class EnumValueRemoved implements LintRule {

    static final RuleInfo INFO = new RuleInfo("enum-value-removed", RuleGroup.COMPATIBILITY, Severity.ERROR,
            "moving a column to an enum type without one of its labels breaks the code that writes that label",
            "stop writing the label first (deploy), move the data, then switch types in a contract migration");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!ctx.compatibilityRulesApply() || !(ctx.parsed() instanceof ParsedStatement.AlterTable alter)) {
            return;
        }
        TableView table = ctx.table(alter.table());
        for (ParsedStatement.AlterAction action : alter.actions()) {
            if (!(action instanceof ParsedStatement.AlterColumnType change) || table.facts() == null) {
                continue;
            }
            List<String> before = table.facts().column(change.column()).map(TableFacts.ColumnFacts::enumLabels)
                    .orElse(List.of());
            if (before.isEmpty()) {
                continue;
            }
            String type = change.type().name();
            List<String> declared = ctx.state().enumLabels(type.contains(".") ? type.substring(type.lastIndexOf('.') + 1) : type);
            List<String> after = declared != null ? declared : ctx.facts().enumLabels(null, type);
            if (after.isEmpty()) {
                continue;
            }
            List<String> lost = before.stream().filter(l -> !after.contains(l)).toList();
            if (!lost.isEmpty()) {
                ctx.report(INFO, INFO.severity(), action,
                        change.column() + " moves to " + change.type() + ", which has no " + String.join(", ", lost.stream()
                                .map(l -> "'" + l + "'").toList()) + ": the running code that writes "
                                + (lost.size() == 1 ? "it" : "them") + " fails, and existing rows with "
                                + (lost.size() == 1 ? "it" : "them") + " fail to convert",
                        INFO.instead(), null);
            }
        }
    }
}
