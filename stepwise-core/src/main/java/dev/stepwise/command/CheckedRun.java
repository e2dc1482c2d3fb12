package dev.stepwise.command;

import dev.stepwise.graph.Targets;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A run that applies or reverts migrations, opened with the checks every such run makes before it
 * touches anything: the database's heads are known revisions, no multi-step migration stopped
 * part-way, and no applied file was edited.
 */
final class CheckedRun {

    private CheckedRun() {
    }

    static MigrationRun open(Workspace workspace, MigrationSet set, Targets targets) {
        MigrationRun run = MigrationRun.start(workspace.environment(), workspace.config().lockWait());
        try {
            targets.requireKnown(run.heads());
            RunChecks.requireUnchanged(set, targets.appliedSet(run.heads()), run.ledger());
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** What a run applied, and what waits (before a closed contract gate). */
    record Outcome(List<AppliedMigration> done, List<RunResult.Waiting> waiting) {
    }

    /**
     * Applies (or reverts) the migrations in order, moving the heads one revision at a time; a
     * multi-step migration an earlier run left part-way goes first, from where it stopped. With a
     * gate, the run stops before the first contract migration the gate holds back.
     */
    static Outcome apply(Workspace workspace, MigrationRun run, Targets targets, List<Migration> migrations,
                         Direction direction, ContractGate gate, PreRunLint lint) {
        RunChecks.checkBatches(migrations, direction, workspace.dialect(),
                workspace.dialect().classifier(run.server().majorVersion()), run.session().work());
        RunChecks.Planned plan = RunChecks.resumeOrRefusePartials(workspace.migrations(), run.ledger(),
                migrations, direction, false);
        List<Migration> planned = plan.migrations();
        AppliedMigrations.Recorder done = AppliedMigrations.recorder(planned, direction);
        for (int i = 0; i < planned.size(); i++) {
            Migration m = planned.get(i);
            HistoryLedger.PartialAttempt resume = plan.resumeOf(m);
            // a migration resumed part-way passed the gate when it started
            ContractGate.Verdict verdict = gate == null || resume != null ? ContractGate.Verdict.OPEN
                    : gate.judge(m, appliedBefore(planned, i));
            if (verdict.blocked()) {
                List<RunResult.Waiting> waiting = new ArrayList<>();
                waiting.add(new RunResult.Waiting(m.revision(), m.header().message(), verdict.reason()));
                for (int j = i + 1; j < planned.size(); j++) {
                    Migration later = planned.get(j);
                    waiting.add(new RunResult.Waiting(later.revision(), later.header().message(),
                            "after contract migration " + m.revision()));
                }
                return new Outcome(done.soFar(), waiting);
            }
            if (verdict.forced()) {
                workspace.listener().notice("--force-contract: applying contract migration " + m.revision()
                        + " although " + verdict.reason() + "; recorded as unsafe-forced");
            }
            Migration following = i + 1 < planned.size() ? planned.get(i + 1) : null;
            Set<String> heads = run.heads();
            Set<String> after = direction == Direction.UP
                    ? targets.headsAfterApplying(heads, m.revision())
                    : targets.headsAfterUnapplying(heads, m.revision());
            String other = AppliedMigrations.from(m.header().downRevisions());
            workspace.listener().migrationStarted(m.revision(), direction, other, m.header().message());
            // a migration resumed part-way was linted when it started
            boolean unsafe = lint != null && resume == null && lint.check(run, m);
            Instant start = workspace.clock().instant();
            run.apply(new MigrationRun.Application(m, direction, after, following, resume,
                    verdict.forced() || unsafe));
            if (gate != null && direction == Direction.UP) {
                gate.applied(m);
            }
            done.add(Duration.between(start, workspace.clock().instant()).toMillis());
        }
        return new Outcome(done.soFar(), List.of());
    }

    /**
     * Whether a revision is one this run applied before the {@code i}th of the plan: the ones
     * before it, as the run stops at the first that fails or waits. Only a contract migration's
     * gate asks, so a look along the plan costs less than a set of every revision applied.
     */
    private static Predicate<String> appliedBefore(List<Migration> planned, int i) {
        return revision -> planned.subList(0, i).stream().anyMatch(m -> m.revision().equals(revision));
    }
}
