package dev.stepwise.command;

import dev.stepwise.dialect.StatementUsage;
import dev.stepwise.dialect.TableNames;
import dev.stepwise.run.RunListener;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.StatementClassifier;
import dev.stepwise.usage.RemovedName;
import dev.stepwise.usage.UsageComparison;
import dev.stepwise.usage.UsageSnapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The usage half of the contract gate (PRODUCT.md, "Phases"): a baseline of the database's
 * statement counters after an expand migration's last step, and, before its contract, whether
 * any statement using a name the contract removes ran since. Where the counters cannot be read
 * (no {@code pg_stat_statements} in the database) it has nothing to say and the gate decides
 * without it. A closed answer takes a new baseline, so the next run asks about the time since.
 */
final class UsageCheck {

    private final StatementUsage usage;
    private final Connection connection;
    private final TableNames tables;
    private final StatementClassifier classifier;
    private final RunListener listener;

    UsageCheck(StatementUsage usage, Connection connection, TableNames tables, StatementClassifier classifier,
               RunListener listener) {
        this.usage = usage;
        this.connection = connection;
        this.tables = tables;
        this.classifier = classifier;
        this.listener = listener;
    }

    /** Takes the baseline an expand migration's contract will be compared with. */
    void baseline(String expand) {
        try {
            Optional<UsageSnapshot> now = usage.read(connection);
            if (now.isPresent()) {
                usage.save(connection, tables, expand, now.get());
            }
        } catch (SQLException e) {
            listener.notice("could not keep a pg_stat_statements baseline after " + expand + ": " + e.getMessage()
                    + "; its contract will wait until one is taken");
        }
    }

    /**
     * Why the contract must wait, or null when no statement using what it removes ran since the
     * baseline kept under {@code key} (or the counters cannot be read here).
     */
    String closedBecause(Migration contract, String key) {
        if (!(contract instanceof SqlMigration sql)) {
            return null;
        }
        List<RemovedName> names = usage.removedBy(sql.plan(Direction.UP, classifier));
        if (names.isEmpty()) {
            return null;
        }
        try {
            Optional<UsageSnapshot> now = usage.read(connection);
            if (now.isEmpty()) {
                return null;
            }
            UsageSnapshot baseline = usage.load(connection, tables, key).orElse(null);
            Optional<String> reason = UsageComparison.closedBecause(names, baseline, now.get(),
                    (id, query, name) -> usage.uses(connection, id, query, name));
            if (reason.isPresent()) {
                usage.save(connection, tables, key, now.get());
            }
            return reason.orElse(null);
        } catch (SQLException e) {
            return "unknown whether the statements using what it removes still run: reading pg_stat_statements"
                    + " failed: " + e.getMessage();
        }
    }
}
