package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.TableFacts;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.lint.TypeChanges;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.PgType;

import java.util.Optional;

/** A narrower column type rejects values the running code may still write (and the conversion may fail on existing ones). */
public final class NarrowColumnType implements LintRule {

    static final RuleInfo INFO = new RuleInfo("narrow-column-type", RuleGroup.COMPATIBILITY, Severity.ERROR,
            "a narrower column type rejects values the running code may still write",
            "keep the wider type, or narrow it in a contract migration after the code writes only values that fit");

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
        if (table.isNew()) {
            return;
        }
        for (ParsedStatement.AlterAction action : alter.actions()) {
            if (!(action instanceof ParsedStatement.AlterColumnType change) || table.facts() == null) {
                continue;
            }
            Optional<TableFacts.ColumnFacts> column = table.facts().column(change.column());
            if (column.isEmpty() || ctx.state().addedColumn(alter.table(), change.column())) {
                continue;
            }
            PgType from = PgType.ofFormatted(column.get().type());
            if (TypeChanges.narrows(from, change.type())) {
                ctx.report(INFO, INFO.severity(), action,
                        change.column() + " goes from " + from + " to the narrower " + change.type() + ": the running"
                                + " code may write values that no longer fit, and existing ones may fail to convert",
                        INFO.instead(), null);
            }
        }
    }
}
