package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.TableSize;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.ParsedStatement.ColumnDef;

/**
 * A new {@code NOT NULL} column without a default fails on a table with rows, and breaks the
 * running code's INSERTs, which do not set it. With a constant default it is one instant statement
 * on PostgreSQL 11+.
 */
public final class AddRequiredColumn implements LintRule {

    static final RuleInfo INFO = new RuleInfo("add-required-column", RuleGroup.COMPATIBILITY, Severity.ERROR,
            "ADD COLUMN ... NOT NULL without a default breaks the running code's INSERTs and fails on existing rows",
            "a constant default (ADD COLUMN ... NOT NULL DEFAULT 'x' is instant on PostgreSQL 11+), or nullable first");

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
        if (table.isNew()) {
            return;
        }
        for (ParsedStatement.AlterAction action : alter.actions()) {
            if (!(action instanceof ParsedStatement.AddColumn add)) {
                continue;
            }
            ColumnDef c = add.column();
            boolean required = c.notNull() && c.defaultValue() == null && c.identity() == null
                    && c.generatedStored() == null && (c.type() == null || !c.type().isSerial());
            if (!required) {
                continue;
            }
            boolean knownEmpty = table.size().kind() != TableSize.Kind.UNKNOWN && table.size().rows() == 0
                    && table.size().bytes() == 0;
            if (!ctx.compatibilityRulesApply() && knownEmpty) {
                continue;
            }
            ctx.report(INFO, ctx.compatibilityRulesApply() ? INFO.severity() : Severity.WARNING, action,
                    "ADD COLUMN " + c.name() + " NOT NULL without a default fails if " + alter.table() + " has rows"
                            + (ctx.compatibilityRulesApply() ? ", and the running code's INSERTs, which do not set "
                            + c.name() + ", fail once it is there" : ""),
                    "give it a constant default (ADD COLUMN " + c.name() + " " + c.type() + " NOT NULL DEFAULT <value>,"
                            + " instant on PostgreSQL 11+); for a value computed per row, add it nullable, backfill in"
                            + " batches and make it NOT NULL the CHECK way",
                    null);
        }
    }
}
