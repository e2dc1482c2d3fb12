package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Estimates;
import dev.stepwise.postgres.lint.Fixes;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;

/**
 * {@code SET NOT NULL} scans the whole table under ACCESS EXCLUSIVE, unless (PostgreSQL 12+) a
 * validated {@code CHECK (col IS NOT NULL)} already proves it.
 */
public final class SetNotNullScans implements LintRule {

    static final RuleInfo INFO = new RuleInfo("set-not-null-scans", RuleGroup.LOCKING, Severity.ERROR,
            "SET NOT NULL without a validated CHECK scans the table under ACCESS EXCLUSIVE",
            "CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, SET NOT NULL, then drop the CHECK");

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
            if (!(action instanceof ParsedStatement.SetNotNull set)) {
                continue;
            }
            String column = set.column();
            boolean proven = ctx.serverVersion() >= 12 && ctx.notNullProven(alter.table(), column);
            boolean alreadyNotNull = table.facts() != null && table.facts().column(column)
                    .map(dev.stepwise.lint.TableFacts.ColumnFacts::notNull).orElse(false);
            if (proven || alreadyNotNull) {
                continue;
            }
            String check = Fixes.name(alter.table().name(), column, "not_null");
            String t = Fixes.table(alter.table());
            String c = Fixes.quote(column);
            String fix = ctx.serverVersion() < 12 ? null
                    : "ALTER TABLE " + t + " ADD CONSTRAINT " + Fixes.quote(check) + " CHECK (" + c + " IS NOT NULL) NOT VALID;\n"
                    + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + Fixes.quote(check) + ";\n"
                    + "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL;\n"
                    + "ALTER TABLE " + t + " DROP CONSTRAINT " + Fixes.quote(check);
            ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                    "SET NOT NULL takes ACCESS EXCLUSIVE on " + table.describe() + " and scans every row for a NULL in "
                            + column + ", blocking all reads and writes meanwhile" + Estimates.of(table, Estimates.SCAN),
                    ctx.serverVersion() >= 12
                            ? "prove it first with a CHECK (" + column + " IS NOT NULL) added NOT VALID and validated in"
                            + " a step of its own; SET NOT NULL then skips its scan, and the CHECK can go"
                            : "PostgreSQL " + ctx.serverVersion() + " always scans; keep the column nullable and"
                            + " enforce it with a validated CHECK instead",
                    fix);
        }
    }
}
