package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.BatchPlanner;
import dev.stepwise.dialect.BatchRefusedException;
import dev.stepwise.dialect.Dialect;
import dev.stepwise.history.Action;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementClassifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every changing run makes before it touches anything: no applied migration was edited,
 * no multi-step migration stopped part-way, and nothing in the plan needs a feature this version
 * cannot run.
 */
final class RunChecks {

    private RunChecks() {
    }

    /** Applied revisions whose file no longer matches the checksum recorded when it was applied. */
    static List<ChecksumMismatch> mismatches(MigrationSet set, Collection<String> applied, HistoryLedger ledger) {
        List<ChecksumMismatch> found = new ArrayList<>();
        for (String revision : applied) {
            Migration m = set.get(revision);
            Optional<String> recorded = ledger.recordedChecksum(revision);
            if (recorded.isPresent() && !recorded.get().equals(m.checksum())) {
                found.add(new ChecksumMismatch(revision, m.origin(), recorded.get(), m.checksum()));
            }
        }
        return found;
    }

    static void requireUnchanged(MigrationSet set, Collection<String> applied, HistoryLedger ledger) {
        List<ChecksumMismatch> found = mismatches(set, applied, ledger);
        if (!found.isEmpty()) {
            ChecksumMismatch first = found.get(0);
            throw new StepwiseException(StepwiseException.Category.FAILED, first.origin()
                    + ": applied migration " + first.revision() + " was changed after it was applied (checksum "
                    + first.recorded() + " recorded, file has " + first.actual() + ")"
                    + (found.size() > 1 ? " and " + (found.size() - 1) + " more (see `stepwise validate`)" : "")
                    + "; restore the file, or accept a benign edit with `stepwise repair`");
        }
    }

    /**
     * How a run deals with multi-step migrations an earlier attempt left part-way: each must be
     * one this run applies in the same direction, from a file whose checksum has not changed;
     * it is then resumed first. Anything else is refused, saying which command finishes it.
     *
     * @return the planned migrations, the partial ones first, with the attempt to resume for each
     */
    static Planned resumeOrRefusePartials(MigrationSet set, HistoryLedger ledger, List<Migration> planned,
                                          Direction direction, boolean refuseAll) {
        List<HistoryLedger.PartialAttempt> partials = ledger.partials();
        if (partials.isEmpty()) {
            return new Planned(planned, Map.of());
        }
        Map<String, HistoryLedger.PartialAttempt> byRevision = new java.util.LinkedHashMap<>();
        for (HistoryLedger.PartialAttempt partial : partials) {
            String origin = set.graph().contains(partial.revision()) ? set.get(partial.revision()).origin() : "(no file)";
            String stopped = origin + ": revision " + partial.revision() + " (" + partial.action().word()
                    + ") stopped after step " + partial.completedSteps() + " of " + partial.stepsTotal() + "; step "
                    + partial.nextStep() + " was " + partial.lastOutcome().word();
            String finish = "`stepwise " + (partial.action() == Action.DOWN ? "downgrade " : "upgrade ")
                    + partial.revision() + "` resumes it at step " + partial.nextStep();
            boolean sameDirection = partial.action() == (direction == Direction.UP ? Action.UP : Action.DOWN);
            boolean inPlan = planned.stream().anyMatch(m -> m.revision().equals(partial.revision()));
            if (refuseAll || !sameDirection || !inPlan) {
                throw new StepwiseException(StepwiseException.Category.FAILED, stopped + "; finish it first: "
                        + finish + " (or undo its committed steps by hand and run `stepwise repair`)");
            }
            Migration m = set.get(partial.revision());
            String recorded = partial.lastStep().checksum();
            if (recorded != null && !recorded.equals(m.checksum())) {
                throw new StepwiseException(StepwiseException.Category.FAILED, stopped + ", and the file changed"
                        + " since (checksum " + recorded + " then, " + m.checksum() + " now): the steps done may"
                        + " not be the file's any more; restore the file to resume it");
            }
            byRevision.put(partial.revision(), partial);
        }
        List<Migration> ordered = new ArrayList<>();
        // Resumed first: their parents are applied already, and nothing else should start before them.
        for (Migration m : planned) {
            if (byRevision.containsKey(m.revision())) {
                ordered.add(m);
            }
        }
        for (Migration m : planned) {
            if (!byRevision.containsKey(m.revision())) {
                ordered.add(m);
            }
        }
        return new Planned(ordered, byRevision);
    }

    /**
     * A run's plan: the migrations in the order they run, and the earlier attempts some of them
     * resume (kept apart, as they are few: a plan of thousands of migrations holds no object per
     * migration besides the migration).
     */
    record Planned(List<Migration> migrations, Map<String, HistoryLedger.PartialAttempt> resumes) {

        Planned {
            resumes = Map.copyOf(resumes);
        }

        /** The attempt the migration resumes, or null to run it from its first step. */
        HistoryLedger.PartialAttempt resumeOf(Migration migration) {
            return resumes.get(migration.revision());
        }
    }

    /**
     * Checks every batched statement of the plan before anything runs: its shape and that it
     * cannot change a row twice, and, where its table exists now, that the table has a primary
     * key. A table a migration of this run creates is checked when its step runs.
     */
    static void checkBatches(Collection<Migration> planned, Direction direction, Dialect dialect,
                             StatementClassifier classifier, java.sql.Connection connection) {
        BatchPlanner planner = dialect.batchPlanner();
        for (Migration m : planned) {
            if (!(m instanceof SqlMigration sql) || !sql.usesBatch()) {
                continue;
            }
            for (SqlStatement s : sql.plan(direction, classifier)) {
                if (s.mode() != ExecutionMode.BATCHED) {
                    continue;
                }
                try {
                    planner.check(s);
                    planner.prepare(connection, s);
                } catch (BatchRefusedException e) {
                    throw new StepwiseException(StepwiseException.Category.BAD_INPUT, m.origin() + ":" + s.line()
                            + ": revision " + m.revision() + ": " + e.getMessage() + "; nothing was applied", e);
                } catch (java.sql.SQLException e) {
                    throw new dev.stepwise.run.DatabaseException("checking the batched statement at " + m.origin()
                            + ":" + s.line(), e);
                }
            }
        }
    }
}
