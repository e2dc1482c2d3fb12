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
 * {@code ADD PRIMARY KEY} or {@code ADD UNIQUE} builds its index under ACCESS EXCLUSIVE; the safe
 * way builds the index concurrently first and adds the constraint {@code USING INDEX}.
 */
public final class UniqueWithoutIndex implements LintRule {

    static final RuleInfo INFO = new RuleInfo("unique-without-index", RuleGroup.LOCKING, Severity.ERROR,
            "ADD PRIMARY KEY / UNIQUE builds its index under ACCESS EXCLUSIVE",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX");

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
            if (action instanceof ParsedStatement.AddConstraint add && add.constraint() != null
                    && add.constraint().usingIndex() == null
                    && (add.constraint().kind() == TableConstraint.Kind.UNIQUE
                    || add.constraint().kind() == TableConstraint.Kind.PRIMARY_KEY)) {
                TableConstraint c = add.constraint();
                boolean primary = c.kind() == TableConstraint.Kind.PRIMARY_KEY;
                String columns = String.join(", ", c.columns().stream().map(Fixes::quote).toList());
                String index = c.name() != null ? c.name()
                        : Fixes.name(alter.table().name(), String.join("_", c.columns()), primary ? "pkey" : "key");
                String fix = ctx.single(alter) && !c.columns().isEmpty()
                        ? "CREATE UNIQUE INDEX CONCURRENTLY " + Fixes.quote(index) + " ON " + Fixes.table(alter.table()) + " ("
                        + columns + ");\nALTER TABLE " + Fixes.table(alter.table()) + " ADD CONSTRAINT " + Fixes.quote(index)
                        + (primary ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX " + Fixes.quote(index)
                        : null;
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "ADD " + (primary ? "PRIMARY KEY" : "UNIQUE") + " builds a unique index on " + table.describe()
                                + " while holding ACCESS EXCLUSIVE, blocking every read and write until it is built"
                                + Estimates.of(table, Estimates.INDEX_BUILD),
                        "build the index with CREATE UNIQUE INDEX CONCURRENTLY, then add the constraint USING INDEX"
                                + " (instant)" + (primary ? "; make its columns NOT NULL the CHECK way first, or it"
                                + " scans for NULLs under the lock" : ""),
                        fix);
            } else if (action instanceof ParsedStatement.AddColumn add && !table.isNew()
                    && (add.column().primaryKey() || add.column().unique())) {
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "ADD COLUMN ... " + (add.column().primaryKey() ? "PRIMARY KEY" : "UNIQUE") + " builds a unique"
                                + " index on " + table.describe() + " under ACCESS EXCLUSIVE"
                                + Estimates.of(table, Estimates.INDEX_BUILD),
                        "add the column, fill it, build the index concurrently, then add the constraint USING INDEX",
                        null);
            }
        }
    }
}
