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

    /** What one batch did, and the cursor after it. */
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
            if (cursor.pass() == 0 && cursor.upTo() == null) {
                // the table was empty at the start: only rows written since can be left
                cursor = endOfPass(c, batch, historyRow, cursor);
                continue;
            }
            Instant batchStart = executor.env().clock().instant();
            Batch done = runBatch(c, batch, historyRow, cursor, sizer.size());
            sizer.record((int) done.keys(), Duration.between(batchStart, executor.env().clock().instant()));
            latest = done.after();
            executor.env().events().reach("batch " + migration.revision() + " " + step + " " + latest.batches());
            cursor = done.bound() == null ? endOfPass(c, batch, historyRow, latest) : latest;
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
    private Batch runBatch(Connection c, BatchStatement batch, long historyRow, BatchCursor cursor, int size)
            throws SQLException {
        boolean walking = cursor.pass() == 0;
        String sql = batch.batch(cursor.last(), cursor.upTo(), size, !walking);
        return executor.retry().run(StepTimeouts.Policy.SHORT, current, (n, t) ->
                executor.inTransaction(c, StepTimeouts.Policy.SHORT, n, t, () -> {
                    Batch done = query(c, sql, batch.keyWidth(), cursor);
                    executor.tables().saveProgress(c, historyRow, done.after().encode());
                    executor.session().checkLock("the commit of batch " + done.after().batches() + " of revision "
                            + migration.revision());
                    executor.env().events().reach("before-commit " + migration.revision() + " " + step + " "
                            + done.after().batches());
                    c.commit();
                    return done;
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

    private Batch query(Connection c, String sql, int width, BatchCursor before) throws SQLException {
        try (Statement s = c.createStatement(); WorkWatcher.Watch watch = executor.watch(s, current)) {
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                List<String> bound = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    bound.add(rs.getString(i));
                }
                long keys = rs.getLong(width + 1);
                long rows = rs.getLong(width + 2);
                if (bound.get(0) == null) {
                    return new Batch(null, 0, rows, before.after(before.last(), 0, rows));
                }
                return new Batch(bound, keys, rows, before.after(bound, keys, rows));
            }
        }
    }

    private List<String> lastKey(Connection c, BatchStatement batch) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(batch.lastKeyQuery())) {
            if (!rs.next()) {
                return null;
            }
            List<String> key = new ArrayList<>();
            for (int i = 1; i <= batch.keyWidth(); i++) {
                key.add(rs.getString(i));
            }
            return key;
        }
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
