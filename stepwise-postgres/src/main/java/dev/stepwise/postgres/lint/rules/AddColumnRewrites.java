package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Estimates;
import dev.stepwise.postgres.lint.Fixes;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.lint.Volatility;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.ParsedStatement.ColumnDef;

/**
 * {@code ADD COLUMN} is instant on PostgreSQL 11+ with no default or a constant (or stable) one,
 * but a volatile default, an identity or serial column, or a stored generated column has a value
 * per row, and PostgreSQL rewrites the table and its indexes under ACCESS EXCLUSIVE to store them.
 */
public final class AddColumnRewrites implements LintRule {

    static final RuleInfo INFO = new RuleInfo("add-column-rewrites", RuleGroup.LOCKING, Severity.ERROR,
            "ADD COLUMN with a per-row value (volatile default, identity, serial, stored generated) rewrites the table",
            "add the column nullable, SET DEFAULT for new rows, then backfill existing ones in batches");

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
            String why = whyRewrite(ctx, c);
            if (why == null) {
                continue;
            }
            boolean volatileDefault = why.startsWith("a volatile default");
            String fix = null;
            if (volatileDefault && ctx.single(alter) && !c.notNull()) {
                String t = Fixes.table(alter.table());
                String col = Fixes.quote(c.name());
                String value = Fixes.tokens(c.defaultValue());
                fix = "ALTER TABLE " + t + " ADD COLUMN " + col + " " + c.type() + ";\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN " + col + " SET DEFAULT " + value + ";\n"
                        + "-- stepwise:batch size=auto\n"
                        + "UPDATE " + t + " SET " + col + " = " + value + " WHERE " + col + " IS NULL";
            }
            ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                    "ADD COLUMN " + c.name() + " with " + why + " rewrites " + table.describe() + " and all its indexes"
                            + " under ACCESS EXCLUSIVE, blocking every read and write until it is done"
                            + Estimates.of(table, Estimates.REWRITE),
                    "add the column without it (instant), SET DEFAULT so new rows get a value, then fill the existing"
                            + " rows with a batched UPDATE" + (c.notNull() ? ", and make it NOT NULL the CHECK way" : ""),
                    fix);
        }
    }

    /** Why adding the column rewrites the table, or null when it is instant (PostgreSQL 11+). */
    public static String whyRewrite(StatementContext ctx, ColumnDef c) {
        if (c.identity() != null) {
            return "GENERATED " + c.identity() + " AS IDENTITY";
        }
        if (c.generatedStored() != null) {
            return "a stored generated expression";
        }
        if (c.type() != null && c.type().isSerial()) {
            return "type " + c.type().name() + " (a sequence default)";
        }
        if (c.defaultValue() == null) {
            return null;
        }
        if (ctx.serverVersion() < 11) {
            return "a default (before PostgreSQL 11 every default rewrites)";
        }
        String function = Volatility.volatileCall(ctx, c.defaultValue());
        return function == null ? null : "a volatile default (" + function + "())";
    }
}
