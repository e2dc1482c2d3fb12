package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;

/** A plain {@code DETACH PARTITION} takes ACCESS EXCLUSIVE on the parent and the partition (PostgreSQL 14+ has a concurrent one). */
public final class DetachPartitionNonConcurrently implements LintRule {

    static final RuleInfo INFO = new RuleInfo("detach-partition-non-concurrently", RuleGroup.LOCKING, Severity.WARNING,
            "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table",
            "DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable alter) || ctx.serverVersion() < 14) {
            return;
        }
        TableView table = ctx.table(alter.table());
        for (ParsedStatement.AlterAction action : alter.actions()) {
            if (action instanceof ParsedStatement.DetachPartition detach && !detach.concurrently()) {
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "DETACH PARTITION takes ACCESS EXCLUSIVE on " + table.describe() + " and the partition: while it"
                                + " waits for running queries, every later query on the whole table queues behind it",
                        "DETACH PARTITION ... CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE on the parent (Stepwise runs"
                                + " it as a step of its own, and finishes it with FINALIZE after a crash)",
                        ctx.single(alter) ? ctx.statement().sql().strip() + " CONCURRENTLY" : null);
            }
        }
    }
}
