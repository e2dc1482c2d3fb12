package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.Estimates;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;

/**
 * {@code VACUUM FULL} and {@code CLUSTER} rewrite the whole table under ACCESS EXCLUSIVE; so do
 * {@code SET TABLESPACE}, {@code SET LOGGED} and {@code SET UNLOGGED}. On a live table there is
 * no safe form of them (pg_repack does it online, outside Stepwise).
 */
public final class RewritingMaintenance implements LintRule {

    static final RuleInfo INFO = new RuleInfo("table-rewrite", RuleGroup.LOCKING, Severity.ERROR,
            "VACUUM FULL, CLUSTER, SET TABLESPACE, SET LOGGED/UNLOGGED rewrite the table under ACCESS EXCLUSIVE",
            "plain VACUUM; an online tool such as pg_repack; or do it in a maintenance window");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.parsed() instanceof ParsedStatement.Vacuum vacuum && vacuum.full()) {
            for (var t : vacuum.tables().isEmpty() ? java.util.List.<dev.stepwise.postgres.statement.QualifiedName>of()
                    : vacuum.tables()) {
                report(ctx, ctx.table(t), "VACUUM FULL", 0);
            }
            if (vacuum.tables().isEmpty()) {
                ctx.report(INFO, INFO.severity(), 0, 2, "VACUUM FULL without a table rewrites every table of the"
                        + " database, each under ACCESS EXCLUSIVE", "plain VACUUM reclaims space without locking", null);
            }
        } else if (ctx.parsed() instanceof ParsedStatement.Cluster cluster && cluster.table() != null) {
            report(ctx, ctx.table(cluster.table()), "CLUSTER", 0);
        } else if (ctx.parsed() instanceof ParsedStatement.AlterTable alter) {
            TableView table = ctx.table(alter.table());
            for (ParsedStatement.AlterAction action : alter.actions()) {
                if (action instanceof ParsedStatement.Rewrite rewrite) {
                    ctx.report(INFO, ctx.lockingSeverity(INFO, table), action, rewrite.what() + " rewrites "
                                    + table.describe() + " under ACCESS EXCLUSIVE, blocking every read and write until"
                                    + " it is done" + Estimates.of(table, Estimates.REWRITE),
                            INFO.instead(), null);
                }
            }
        }
    }

    private static void report(StatementContext ctx, TableView table, String what, int at) {
        ctx.report(INFO, ctx.lockingSeverity(INFO, table), at, at + 3, what + " rewrites " + table.describe()
                        + " under ACCESS EXCLUSIVE, blocking every read and write until it is done"
                        + Estimates.of(table, Estimates.REWRITE),
                what.equals("VACUUM FULL") ? "plain VACUUM reclaims dead rows without locking; for the space itself,"
                        + " an online tool such as pg_repack" : INFO.instead(), null);
    }
}
