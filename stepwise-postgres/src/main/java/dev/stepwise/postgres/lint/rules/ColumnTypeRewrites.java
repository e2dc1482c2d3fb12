package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.TableFacts;
import dev.stepwise.postgres.lint.Estimates;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.lint.TypeChanges;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.PgType;

import java.util.Optional;

/**
 * {@code ALTER COLUMN ... TYPE} rewrites the table and its indexes under ACCESS EXCLUSIVE unless
 * the change is binary-coercible (a wider varchar, varchar to text, a wider numeric, ...); even
 * then, CHECK constraints on the column are checked again with a scan.
 */
public final class ColumnTypeRewrites implements LintRule {

    static final RuleInfo INFO = new RuleInfo("column-type-rewrites", RuleGroup.LOCKING, Severity.ERROR,
            "ALTER COLUMN TYPE that rewrites (or scans) the table under ACCESS EXCLUSIVE",
            "a new column, a two-way sync trigger, a batched backfill, and a swap in a contract migration");

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
            if (!(action instanceof ParsedStatement.AlterColumnType change)) {
                continue;
            }
            Optional<TableFacts.ColumnFacts> column = table.facts() == null ? Optional.empty()
                    : table.facts().column(change.column());
            String help = "add a column of the new type, keep both in step with a trigger, backfill it in batches"
                    + " and switch over in a later migration";
            if (column.isEmpty()) {
                if (!table.isNew()) {
                    ctx.report(INFO, Severity.WARNING, action,
                            "ALTER COLUMN " + change.column() + " TYPE " + change.type() + " rewrites " + table.describe()
                                    + " and its indexes under ACCESS EXCLUSIVE unless the change is binary-coercible"
                                    + " (the column's current type is not known here: lint with the earlier migrations"
                                    + " or --url to tell)", help, null);
                }
                continue;
            }
            PgType from = PgType.ofFormatted(column.get().type());
            TypeChanges.Cost cost = TypeChanges.cost(from, change.type(),
                    TypeChanges.usingChangesValues(change.using(), change.column()));
            if (cost == TypeChanges.Cost.REWRITE) {
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "ALTER COLUMN " + change.column() + " TYPE " + change.type() + " (from " + from + ") rewrites "
                                + table.describe() + " and all its indexes under ACCESS EXCLUSIVE, blocking every read"
                                + " and write until it is done" + Estimates.of(table, Estimates.REWRITE),
                        help, null);
            } else if (hasCheckOn(table.facts(), change.column())) {
                ctx.report(INFO, ctx.lockingSeverity(INFO, table).atMost(Severity.WARNING), action,
                        "ALTER COLUMN " + change.column() + " TYPE " + change.type() + " keeps the data, but checks"
                                + " the CHECK constraints on " + change.column() + " again with a scan of "
                                + table.describe() + " under ACCESS EXCLUSIVE" + Estimates.of(table, Estimates.SCAN),
                        "drop the CHECK first and add it again NOT VALID, then VALIDATE it", null);
            }
        }
    }

    private static boolean hasCheckOn(TableFacts facts, String column) {
        return facts.constraints().stream().anyMatch(c -> c.type() == 'c' && c.columns().contains(column));
    }
}
