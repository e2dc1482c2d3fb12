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
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable alter)) {
            return;
        }
        TableView table = ctx.table(alter.table());
        for (ParsedStatement.AlterAction action : alter.actions()) {
            if (action instanceof ParsedStatement.DetachPartition detach && !detach.concurrently()) {
                // PostgreSQL 13 locks the partition less, but has no concurrent way either
                boolean canConcurrently = ctx.serverVersion() >= 14;
                ctx.report(INFO, ctx.lockingSeverity(INFO, table), action,
                        "DETACH PARTITION takes ACCESS EXCLUSIVE on " + table.describe()
                                + (canConcurrently ? " and the partition" : "") + ": while it waits for running"
                                + " queries, every later query on the whole table queues behind it",
                        canConcurrently ? "DETACH PARTITION ... CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE on the"
                                + " parent (Stepwise runs it as a step of its own, and finishes it with FINALIZE after"
                                + " a crash)" : "PostgreSQL " + ctx.serverVersion() + " has no DETACH PARTITION ..."
                                + " CONCURRENTLY: detach at a quiet time (the lock_timeout retries keep the queue short)",
                        canConcurrently && ctx.single(alter) ? ctx.statement().sql().strip() + " CONCURRENTLY" : null);
            }
        }
    }
}
