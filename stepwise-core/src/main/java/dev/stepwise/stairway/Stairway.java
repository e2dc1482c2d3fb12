package dev.stepwise.stairway;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.TableContents;
import dev.stepwise.lint.Checklist;
import dev.stepwise.lint.Finding;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.Reversibility;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The stairway test: every migration in graph order (every branch, each merge after its parents),
 * up one step, down, and up again, the schema read from the catalog after each leg and compared
 * with what that leg should have left; with rows, their counts and values compared too, and the
 * first up watched for locks. It stops at the first schema difference or failing statement, since
 * the migrations after it would meet a schema nobody wrote them for.
 */
public final class Stairway {

    /**
     * Where the rows come from and whether the ups are watched.
     *
     * @param generator generated rows ({@code --rows N}), or null
     * @param seed      a seed file ({@code --seed FILE}), or null
     * @param watcher   the lock watcher, or null; it watches only when there are rows to lock
     */
    public record Data(RowGenerator generator, SeedScript seed, LockWatcher watcher) {

        public static final Data NONE = new Data(null, null, null);

        public boolean any() {
            return generator != null || seed != null;
        }
    }

    private final StairwayDatabase db;
    private final TableContents contents;
    private final ChecklistJudge judge;
    private final Data data;
    private final Consumer<String> progress;

    public Stairway(StairwayDatabase db, TableContents contents, ChecklistJudge judge, Data data,
                    Consumer<String> progress) {
        this.db = db;
        this.contents = contents;
        this.judge = judge;
        this.data = data;
        this.progress = progress;
    }

    public StairwayReport walk(List<Migration> order) {
        SchemaModel current = db.schema();
        List<StepReport> steps = new ArrayList<>();
        List<RowGenerator.Skipped> skipped = new ArrayList<>();
        for (int n = 0; n < order.size(); n++) {
            Migration m = order.get(n);
            if (data.seed() != null) {
                data.seed().runWhatItCan(db.rows());
            }
            if (data.generator() != null) {
                skipped.addAll(data.generator().fill(db.rows(), current));
            }
            Walked step = step(m, current);
            steps.add(step.report());
            progress.accept("stairway " + m.revision() + ": " + (step.report().failed() ? "FAILED"
                    : step.report().outcome().word()) + " (up " + ChecklistJudge.human(step.report().upDuration()) + ")");
            if (step.after() == null) {
                List<String> rest = order.subList(n + 1, order.size()).stream().map(Migration::revision).toList();
                return new StairwayReport(steps, rows(), seedOf(), skipped, seedUnused(), rest, List.of());
            }
            current = step.after();
        }
        if (data.seed() != null) {
            // at head too: what the last migrations made is where a seed statement finds out it is wrong
            data.seed().runWhatItCan(db.rows());
        }
        return new StairwayReport(steps, rows(), seedOf(), skipped, seedUnused(), List.of(), List.of());
    }

    private long rows() {
        return data.generator() == null ? 0 : data.generator().rows();
    }

    private Long seedOf() {
        return data.generator() == null ? null : data.generator().seed();
    }

    private List<String> seedUnused() {
        return data.seed() == null ? List.of() : data.seed().neverRun();
    }

    /** A step's report, and the schema it left, or null when the walk cannot go on. */
    private record Walked(StepReport report, SchemaModel after) {
    }

    private Walked step(Migration m, SchemaModel before) {
        DataSnapshot rowsBefore = data.any() ? DataSnapshot.read(contents, db.rows(), before) : null;
        List<Finding> findings = db.lint(m);
        Outcome o = new Outcome(m, findings);
        boolean watching = data.watcher() != null && rowsBefore != null;
        Set<String> existing = new LinkedHashSet<>();
        before.tables().forEach(t -> existing.add(t.name().toString()));
        LockWatcher.TableSizes sizes = watching ? sizes(before, rowsBefore) : null;
        if (watching) {
            data.watcher().start();
        }
        long started = System.nanoTime();
        String upFailure = leg(m, Direction.UP, "upgrade of " + m.revision() + " failed: ");
        o.upDuration = Duration.ofNanos(System.nanoTime() - started);
        o.locks = watching ? data.watcher().stop(existing, sizes, db.ownTables()) : null;
        if (upFailure != null) {
            return o.failed(upFailure);
        }
        SchemaModel afterUp = db.schema();
        DataSnapshot rowsUp = data.any() ? DataSnapshot.read(contents, db.rows(), afterUp) : null;
        if (!m.hasDown()) {
            return new Walked(o.report(StepReport.Outcome.NO_DOWN, List.of(), null), afterUp);
        }
        String downFailure = leg(m, Direction.DOWN, "downgrade of " + m.revision() + " failed right after its upgrade: ");
        if (downFailure != null) {
            return o.failed(downFailure);
        }
        SchemaModel afterDown = db.schema();
        SchemaComparison.Result down = SchemaComparison.compare(before, afterDown, afterUp,
                SchemaComparison.Leg.DOWNGRADE);
        down.notes().forEach(n -> o.notes.add("downgrade of " + m.revision() + ": " + n));
        if (!down.same()) {
            return o.failed(down.differences().stream().map(d -> "downgrade of " + m.revision() + ": " + d).toList());
        }
        if (rowsBefore != null) {
            o.lost(rowsBefore.lostBy(DataSnapshot.read(contents, db.rows(), afterDown), before,
                    "before the upgrade", "after the downgrade"), before, afterUp);
        }
        String againFailure = leg(m, Direction.UP, "upgrade again of " + m.revision() + " failed: ");
        if (againFailure != null) {
            return o.failed(againFailure);
        }
        SchemaModel afterAgain = db.schema();
        SchemaComparison.Result again = SchemaComparison.compare(afterUp, afterAgain, afterUp,
                SchemaComparison.Leg.UPGRADE_AGAIN);
        if (!again.same()) {
            return o.failed(again.differences().stream().map(d -> "upgrade again of " + m.revision() + ": " + d)
                    .toList());
        }
        if (rowsUp != null) {
            o.lost(rowsUp.lostBy(DataSnapshot.read(contents, db.rows(), afterAgain), before,
                    "after the first upgrade", "after the second upgrade"), before, afterUp);
        }
        return new Walked(o.report(StepReport.Outcome.PASSED, List.of(), true), afterAgain);
    }

    /** Runs one leg; returns null when it passed, else the failure with the statement. */
    private String leg(Migration m, Direction direction, String prefix) {
        try {
            db.apply(m, direction);
            return null;
        } catch (StepwiseException e) {
            if (e.category() == StepwiseException.Category.BAD_INPUT) {
                throw e;
            }
            return prefix + e.getMessage();
        }
    }

    /** The sizes of the tables before the up, for the checklist's "large table". */
    private LockWatcher.TableSizes sizes(SchemaModel before, DataSnapshot rows) {
        Checklist limits = judge.limits();
        Map<String, Long> rowCounts = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (Table t : before.tables()) {
            ObjectName name = t.name();
            rowCounts.put(name.toString(), rows.rows(name));
            try {
                bytes.put(name.toString(), contents.bytes(db.rows(), name));
            } catch (SQLException e) {
                throw new DatabaseException("reading the size of " + name, e);
            }
        }
        return new LockWatcher.TableSizes() {
            @Override
            public long rows(String table) {
                return rowCounts.getOrDefault(table, 0L);
            }

            @Override
            public long bytes(String table) {
                return bytes.getOrDefault(table, 0L);
            }

            @Override
            public boolean large(String table) {
                return rows(table) >= limits.largeTableRows() || bytes(table) >= limits.largeTableBytes();
            }
        };
    }

    /** Whether the lost table or column is one the migration's {@code +up} dropped or changed. */
    private static boolean changedByUp(DataLoss loss, SchemaModel before, SchemaModel afterUp) {
        Table was = before.tables().stream().filter(t -> t.name().toString().equals(loss.table())).findFirst()
                .orElse(null);
        Table now = afterUp.tables().stream().filter(t -> t.name().toString().equals(loss.table())).findFirst()
                .orElse(null);
        if (was == null || now == null) {
            return true;
        }
        if (loss.column() == null) {
            return !was.equals(now);
        }
        return !was.column(loss.column()).equals(now.column(loss.column()));
    }

    /** What one step gathers as it goes. */
    private final class Outcome {
        final Migration migration;
        final List<Finding> findings;
        final List<String> notes = new ArrayList<>();
        final List<DataLoss> losses = new ArrayList<>();
        final List<DataLoss> expected = new ArrayList<>();
        Duration upDuration = Duration.ZERO;
        LockProfile locks;

        Outcome(Migration migration, List<Finding> findings) {
            this.migration = migration;
            this.findings = findings;
        }

        /**
         * A lossy migration may lose what its {@code +up} changes: the values of a column it drops
         * or changes, the rows of a table it drops or reshapes. Any other loss fails, a lossy
         * migration's too: {@code reversible: lossy} covers what the migration changes, not the
         * rest of the database.
         */
        void lost(List<DataLoss> found, SchemaModel before, SchemaModel afterUp) {
            boolean lossy = migration.header().reversible() == Reversibility.LOSSY;
            for (DataLoss loss : found) {
                (lossy && changedByUp(loss, before, afterUp) ? expected : losses).add(loss);
            }
        }

        Walked failed(String failure) {
            return failed(List.of(failure));
        }

        Walked failed(List<String> failures) {
            return new Walked(report(StepReport.Outcome.FAILED, failures, false), null);
        }

        StepReport report(StepReport.Outcome outcome, List<String> failures, Boolean rollback) {
            Boolean passed = rollback == null ? null : rollback && losses.isEmpty();
            return new StepReport(migration.revision(), migration.header().message(),
                    migration.header().phase().keyword(), outcome, failures, notes, losses, expected, upDuration, locks,
                    judge.judge(migration, locks, findings, passed), findings);
        }
    }
}
