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
import dev.stepwise.postgres.parse.ParsedStatement.TableConstraint;

/** A CHECK added without {@code NOT VALID} scans every row under ACCESS EXCLUSIVE. */
public final class CheckValidatedAtOnce implements LintRule {

    static final RuleInfo INFO = new RuleInfo("check-validated-at-once", RuleGroup.LOCKING, Severity.ERROR,
            "ADD CHECK without NOT VALID blocks reads and writes while it scans the table",
            "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in a step of its own");

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
            if (action instanceof ParsedStatement.AddConstraint add && !add.notValid() && add.constraint() != null
                    && add.constraint().kind() == TableConstraint.Kind.CHECK) {
                String name = add.constraint().name() != null ? add.constraint().name()
                        : Fixes.name(alter.table().name(), "check", "check");
                String fix = null;
                if (ctx.single(alter)) {
                    String sql = ctx.statement().sql().strip();
                    String named = add.constraint().name() != null ? sql : Fixes.nameConstraint(sql, "CHECK", name);
                    fix = named == null ? null : named + " NOT VALID;\nALTER TABLE " + Fixes.table(alter.table())
                            + " VALIDATE CONSTRAINT " + Fixes.quote(name);
                }
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "ADD CHECK takes ACCESS EXCLUSIVE on " + table.describe() + " and scans every row to check it,"
                                + " blocking all reads and writes meanwhile" + Estimates.of(table, Estimates.SCAN),
                        "add it NOT VALID (instant; new rows are checked from then on), then VALIDATE CONSTRAINT,"
                                + " which Stepwise runs in a transaction of its own and which blocks no reads or writes",
                        fix);
            } else if (action instanceof ParsedStatement.AddColumn add && add.column().check() != null
                    && !table.isNew()) {
                ctx.report(INFO, ctx.lockingSeverity(INFO, table).atMost(Severity.WARNING), action,
                        "ADD COLUMN ... CHECK checks the new column on every row of " + table.describe()
                                + " while holding ACCESS EXCLUSIVE" + Estimates.of(table, Estimates.SCAN),
                        "add the column, then the CHECK NOT VALID, then VALIDATE CONSTRAINT", null);
            }
        }
    }
}
