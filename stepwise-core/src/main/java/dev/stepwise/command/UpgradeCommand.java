package dev.stepwise.command;

import dev.stepwise.graph.Targets;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.Phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code upgrade TARGET}: applies pending migrations up to the target, in graph order, stopping
 * before a contract migration the contract gate holds back; with {@code --phase expand}, only
 * the migrations that are no contract migration and do not descend from a pending one.
 */
public final class UpgradeCommand {

    /**
     * How far an upgrade goes.
     *
     * @param expandOnly    {@code --phase expand}: leave contract migrations and what descends from them
     * @param forceContract {@code --force-contract}: let contract migrations past the gate (recorded)
     * @param unsafe        {@code --unsafe}: apply migrations with lint errors (recorded as unsafe-forced)
     * @param skipLint      {@code --no-lint}: do not lint each migration before it runs (for pipelines
     *                      that ran {@code stepwise lint} on the same files already)
     */
    public record Options(boolean expandOnly, boolean forceContract, boolean unsafe, boolean skipLint) {

        public static final Options DEFAULT = new Options(false, false, false, false);
    }

    private final Workspace workspace;

    public UpgradeCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public RunResult run(String target) {
        return run(target, Options.DEFAULT);
    }

    public RunResult run(String target, Options options) {
        MigrationSet set = workspace.migrations();
        Targets targets = new Targets(set.graph());
        try (MigrationRun run = CheckedRun.open(workspace, set, targets)) {
            Set<String> before = run.heads();
            List<Migration> pending = targets.upgradeTo(target, before).steps().stream()
                    .map(r -> set.get(r.id())).toList();
            List<RunResult.Waiting> waiting = new ArrayList<>();
            List<Migration> planned = options.expandOnly() ? expandPhase(pending, waiting) : pending;
            UsageCheck usage = workspace.dialect().statementUsage().map(u -> new UsageCheck(u, run.session().work(),
                    workspace.config().tables(), workspace.dialect().classifier(run.server().majorVersion()),
                    workspace.listener())).orElse(null);
            ContractGate gate = new ContractGate(set, run.ledger(), workspace.clock(),
                    workspace.config().contractDelay(), before, options.forceContract(), usage);
            CheckedRun.Outcome outcome = CheckedRun.apply(workspace, run, targets, planned, Direction.UP, gate,
                    options.skipLint() ? null : new PreRunLint(workspace, options.unsafe()));
            waiting.addAll(0, outcome.waiting());
            return new RunResult(before, run.heads(), outcome.done(), waiting);
        }
    }

    /** The pending migrations that are not contract migrations and descend from none; the others wait. */
    static List<Migration> expandPhase(List<Migration> pending, List<RunResult.Waiting> waiting) {
        // each held revision with the contract migration it waits for
        java.util.Map<String, String> held = new java.util.HashMap<>();
        List<Migration> kept = new ArrayList<>();
        for (Migration m : pending) {
            String contract = java.util.stream.Stream.concat(m.header().downRevisions().stream(),
                    m.header().dependsOn().stream()).map(held::get).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (m.header().phase() == Phase.CONTRACT) {
                held.put(m.revision(), m.revision());
                waiting.add(new RunResult.Waiting(m.revision(), m.header().message(),
                        "contract migration: run `stepwise upgrade` after the code deploy"));
            } else if (contract != null) {
                held.put(m.revision(), contract);
                waiting.add(new RunResult.Waiting(m.revision(), m.header().message(),
                        "descends from contract migration " + contract));
            } else {
                kept.add(m);
            }
        }
        return kept;
    }
}
