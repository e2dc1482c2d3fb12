package dev.stepwise.run;

import dev.stepwise.StepwiseException;
import dev.stepwise.backfill.BatchCursor;
import dev.stepwise.backfill.BatchProgress;
import dev.stepwise.backfill.BatchSettings;
import dev.stepwise.backfill.BatchSizer;
import dev.stepwise.dialect.BatchStatement;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.SqlStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one batched {@code UPDATE}/{@code DELETE} (PRODUCT.md, "Batched backfills"): walks the
 * keys present when it starts in primary-key order, each batch its own short transaction under
 * the short lock timeout, with its cursor saved in the same transaction; then makes up to three
 * catch-up passes over rows that still match (written meanwhile by code that does not set the
 * value), and stops with an error when their number does not fall.
 */
final class BatchedStep {

    static final int CATCH_UP_PASSES = 3;
    /** How often progress is reported; the CLI redraws a bar at this pace, or logs a line every few seconds. */
    private static final Duration REPORT_EVERY = Duration.ofMillis(500);

    /**
     * What one batch did, and the cursor after it.
     *
     * @param bound where it ended, or null when it ran to the end of its pass
     */
    private record Batch(List<String> bound, long keys, long rows, BatchCursor after) {
    }

    private final MigrationExecutor executor;
    private final SqlMigration migration;
    private final StatementInFlight current;
    private final int step;

    BatchedStep(MigrationExecutor executor, SqlMigration migration, StatementInFlight current, int step) {
        this.executor = executor;
        this.migration = migration;
        this.current = current;
        this.step = step;
    }

    /**
     * Runs the statement to the end, from {@code resumeFrom} when an earlier attempt saved one.
     *
     * @return the rows it changed, all passes together
     */
    long run(Connection c, SqlStatement statement, long historyRow, BatchCursor resumeFrom) throws SQLException {
        current.set(statement);
        BatchStatement batch = executor.env().dialect().batchPlanner().prepare(c, statement);
        if (batch == null) {
            throw new SQLException("the table of this batched statement does not exist", "42P01");
        }
        BatchSettings settings = BatchSettings.of(statement.directive("batch"));
        BatchSizer sizer = new BatchSizer(settings);
        long estimate = queryLong(c, batch.estimatedRowsQuery());
        Instant started = executor.env().clock().instant();
        Instant lastReport = started;
        BatchCursor cursor = resumeFrom != null ? resumeFrom : BatchCursor.start(lastKey(c, batch));
        BatchCursor latest = cursor;
        executor.tables().saveProgress(c, historyRow, cursor.encode());
        while (cursor != null) {
            if (cursor.upTo() == null || cursor.upTo().equals(cursor.last())) {
                // the table was empty when the pass began, or the pass reached its end
                cursor = endOfPass(c, batch, historyRow, cursor);
                continue;
            }
            Instant batchStart = executor.env().clock().instant();
            Batch done = runBatch(c, batch, settings, historyRow, cursor, sizer.size());
            sizer.record((int) done.keys(), Duration.between(batchStart, executor.env().clock().instant()));
            latest = done.after();
            executor.env().events().reach("batch " + migration.revision() + " " + step + " " + latest.batches());
            cursor = done.bound() == null || done.bound().equals(latest.upTo())
                    ? endOfPass(c, batch, historyRow, latest) : latest;
            Instant now = executor.env().clock().instant();
            if (cursor != null && Duration.between(lastReport, now).compareTo(REPORT_EVERY) >= 0) {
                lastReport = now;
                report(batch, cursor, estimate, Duration.between(started, now), false);
            }
            if (cursor != null) {
                pause(settings.pause());
            }
        }
        report(batch, latest, estimate, Duration.between(started, executor.env().clock().instant()), true);
        return latest.rows();
    }

    /** One batch in its own transaction, retried under escalating lock timeouts; its cursor commits with it. */
    private Batch runBatch(Connection c, BatchStatement batch, BatchSettings settings, long historyRow,
                           BatchCursor cursor, int size)
            throws SQLException {
        boolean walking = cursor.pass() == 0;
        String endQuery = batch.batchEndQuery(cursor.last(), cursor.upTo(), size, !walking);
        String flag = settings.flag() == null ? null : batch.flagStatement(settings.flag());
        return executor.retry().run(StepTimeouts.Policy.SHORT, current, (n, t) ->
                executor.inTransaction(c, StepTimeouts.Policy.SHORT, n, t, () -> {
                    if (flag != null) {
                        query(c, flag);
                    }
                    List<String> end = key(c, endQuery, batch.keyWidth());
                    // fewer than size keys left: this batch runs to the end of the pass
                    List<String> to = end != null ? end : cursor.upTo();
                    long rows = update(c, batch.batch(cursor.last(), to));
                    BatchCursor after = cursor.after(to, end != null ? size : 0, rows);
                    executor.session().checkLock("the commit of batch " + after.batches() + " of revision "
                            + migration.revision());
                    executor.env().events().reach("before-commit " + migration.revision() + " " + step + " "
                            + after.batches());
                    executor.tables().saveProgressAndCommit(c, historyRow, after.encode());
                    return new Batch(end, end != null ? size : 0, rows, after);
                }));
    }

    /**
     * A pass has no keys left: when rows still match, the next catch-up pass starts over them,
     * provided they became fewer; returns null when nothing is left.
     */
    private BatchCursor endOfPass(Connection c, BatchStatement batch, long historyRow, BatchCursor cursor)
            throws SQLException {
        long remaining = queryLong(c, batch.remainingQuery());
        if (remaining == 0) {
            return null;
        }
        boolean catchingUp = cursor.pass() > 0;
        if (catchingUp && (remaining >= cursor.remaining() || cursor.pass() >= CATCH_UP_PASSES)) {
            throw new StepwiseException(StepwiseException.Category.FAILED, migration.origin() + ":"
                    + current.current().line() + ": revision " + migration.revision() + ": " + remaining + " rows of "
                    + batch.table() + " still match the batched statement after catch-up pass " + cursor.pass()
                    + (remaining >= cursor.remaining() ? " (they did not become fewer: " + cursor.remaining()
                    + " before)" : " of " + CATCH_UP_PASSES) + ": something keeps writing rows it does not cover"
                    + " (random keys, or code that does not set the value). Set a default or a trigger for new"
                    + " rows first, then run again: the " + cursor.rows() + " rows done so far stay done");
        }
        BatchCursor next = cursor.nextPass(remaining, lastKey(c, batch));
        executor.tables().saveProgress(c, historyRow, next.encode());
        return next;
    }

    /** The key a query returns (one text column per key column), or null when it returns no row. */
    private List<String> key(Connection c, String sql, int width) throws SQLException {
        try (Statement s = c.createStatement(); WorkWatcher.Watch watch = executor.watch(s, current);
             ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            List<String> key = new ArrayList<>();
            for (int i = 1; i <= width; i++) {
                key.add(rs.getString(i));
            }
            return key;
        }
    }

    private void query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); WorkWatcher.Watch watch = executor.watch(s, current)) {
            s.execute(sql);
        }
    }

    private long update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); WorkWatcher.Watch watch = executor.watch(s, current)) {
            return s.executeLargeUpdate(sql);
        }
    }

    private List<String> lastKey(Connection c, BatchStatement batch) throws SQLException {
        return key(c, batch.lastKeyQuery(), batch.keyWidth());
    }

    private long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); WorkWatcher.Watch watch = executor.watch(s, current);
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void report(BatchStatement batch, BatchCursor cursor, long estimate, Duration elapsed, boolean finished) {
        if (cursor == null) {
            return;
        }
        executor.env().listener().batchProgress(new BatchProgress(migration.revision(), batch.table(), cursor.pass(),
                cursor.keysDone(), cursor.pass() == 0 ? estimate : cursor.remaining(), cursor.rows(), cursor.batches(),
                elapsed, finished));
    }

    private void pause(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            executor.env().sleeper().sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepwiseException(StepwiseException.Category.FAILED, "interrupted between batches");
        }
    }
}
