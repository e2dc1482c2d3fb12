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

/**
 * A foreign key added without {@code NOT VALID} takes SHARE ROW EXCLUSIVE on both tables and
 * scans the referencing one to validate every row, blocking writes to both all the while.
 */
public final class ForeignKeyValidatedAtOnce implements LintRule {

    static final RuleInfo INFO = new RuleInfo("foreign-key-validated-at-once", RuleGroup.LOCKING, Severity.ERROR,
            "ADD FOREIGN KEY without NOT VALID blocks writes to both tables while it scans",
            "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a step of its own");

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
            if (action instanceof ParsedStatement.AddConstraint add && !add.notValid()
                    && add.constraint() != null && add.constraint().kind() == TableConstraint.Kind.FOREIGN_KEY) {
                TableConstraint fk = add.constraint();
                String referenced = fk.references().table().toString();
                String name = fk.name() != null ? fk.name()
                        : Fixes.name(alter.table().name(), String.join("_", fk.columns()), "fkey");
                String fix = ctx.single(alter) ? withNotValid(ctx, fk, name, alter) : null;
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on " + table.describe() + " and " + referenced
                                + ", blocking writes to both while it scans " + alter.table() + " to check every row"
                                + Estimates.of(table, Estimates.SCAN),
                        "add it NOT VALID (instant; new rows are checked from then on), then VALIDATE CONSTRAINT,"
                                + " which Stepwise runs in a transaction of its own and which blocks no reads or writes",
                        fix);
            } else if (action instanceof ParsedStatement.AddColumn add && add.column().references() != null
                    && !table.isNew()) {
                ctx.report(INFO, ctx.lockingSeverity(INFO, table).atMost(Severity.WARNING), action,
                        "ADD COLUMN ... REFERENCES validates the new foreign key with a scan of " + table.describe()
                                + " while holding ACCESS EXCLUSIVE on it and SHARE ROW EXCLUSIVE on "
                                + add.column().references().table() + Estimates.of(table, Estimates.SCAN),
                        "add the column, then the foreign key NOT VALID, then VALIDATE CONSTRAINT", null);
            }
        }
    }

    private static String withNotValid(StatementContext ctx, TableConstraint fk, String name,
                                       ParsedStatement.AlterTable alter) {
        String sql = ctx.statement().sql().strip();
        String named = fk.name() != null ? sql : Fixes.nameConstraint(sql, "FOREIGN\\s+KEY", name);
        if (named == null) {
            return null;
        }
        return named + " NOT VALID;\nALTER TABLE " + Fixes.table(alter.table()) + " VALIDATE CONSTRAINT " + Fixes.quote(name);
    }
}
