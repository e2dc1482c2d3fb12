package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.TableFacts;
import dev.stepwise.postgres.lint.Estimates;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.ParsedStatement.TableConstraint;

import java.util.List;

/**
 * A primary key makes its columns NOT NULL; over columns that are nullable and not proven by a
 * validated CHECK, {@code ADD PRIMARY KEY ... USING INDEX} still scans the table under ACCESS
 * EXCLUSIVE for NULLs.
 */
public final class PrimaryKeyScansNullable implements LintRule {

    static final RuleInfo INFO = new RuleInfo("primary-key-scans-nullable", RuleGroup.LOCKING, Severity.WARNING,
            "ADD PRIMARY KEY over nullable columns scans the table for NULLs under ACCESS EXCLUSIVE",
            "make the columns NOT NULL the CHECK way first (NOT VALID, VALIDATE, SET NOT NULL)");

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
            if (!(action instanceof ParsedStatement.AddConstraint add) || add.constraint() == null
                    || add.constraint().kind() != TableConstraint.Kind.PRIMARY_KEY
                    || add.constraint().usingIndex() == null || table.facts() == null) {
                continue;
            }
            List<String> columns = table.facts().indexes().getOrDefault(add.constraint().usingIndex(), List.of());
            List<String> nullable = columns.stream().filter(c -> table.facts().column(c)
                    .map(f -> !f.notNull()).orElse(false)
                    && !(ctx.serverVersion() >= 12 && ctx.notNullProven(alter.table(), c)))
                    .toList();
            if (!nullable.isEmpty()) {
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "ADD PRIMARY KEY USING INDEX makes " + String.join(", ", nullable) + " NOT NULL, which scans "
                                + table.describe() + " for NULLs under ACCESS EXCLUSIVE"
                                + Estimates.of(table, Estimates.SCAN),
                        "first add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it and SET NOT NULL, then add the key",
                        null);
            }
        }
    }
}
