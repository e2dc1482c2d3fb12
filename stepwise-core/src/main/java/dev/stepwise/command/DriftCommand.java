package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.autogen.ChangeLine;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.graph.Targets;
import dev.stepwise.history.VersionTables;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Unmodelled;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code drift}: what was changed by hand on a database. Its version table says which revisions
 * it is at; the migrations up to those are replayed on a scratch database, and every difference
 * between that schema and the live one is drift: {@code +} an object only the database has,
 * {@code -} one it lacks, {@code ~} one that differs. Objects the model does not describe
 * (policies, rules, composite types...) are compared by kind and name.
 */
public final class DriftCommand {

    /**
     * The comparison.
     *
     * @param revisions the revisions the database records (empty: base)
     * @param drift     each object changed by hand, from the replay's schema to the database's
     * @param notes     what the diff noticed and does not compare yet
     */
    public record Report(List<String> revisions, List<ChangeLine> drift, List<String> notes) {

        public boolean drifted() {
            return !drift.isEmpty();
        }
    }

    private final Workspace workspace;

    public DriftCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Report run() {
        VersionTables tables = workspace.versionTables();
        Set<String> heads;
        int version;
        SchemaModel live;
        ScratchSchemas scratch;
        try (Connection c = workspace.openReadConnection()) {
            if (!tables.exist(c)) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "the database has no "
                        + workspace.config().tables().schema() + "." + workspace.config().tables().version()
                        + " table, so no revision to compare it with: adopt it with `stepwise baseline` and"
                        + " `stepwise stamp`, or run `stepwise upgrade`");
            }
            heads = new TreeSet<>(tables.selectHeads(c));
            version = workspace.dialect().serverInfo(c).majorVersion();
            scratch = new ScratchSchemas(workspace, version);
            live = scratch.live(c);
        } catch (SQLException e) {
            throw new DatabaseException("reading the database's version table", e);
        }
        Targets targets = new Targets(workspace.migrations().graph());
        targets.requireKnown(heads);
        SchemaModel expected;
        try (ReplayDatabase replay = scratch.replay(workspace.migrations(), targets.appliedSet(heads),
                "the migrations the database records")) {
            expected = scratch.read(replay);
        }
        SchemaDiff.Result diff = SchemaDiff.between(expected, live);
        List<ChangeLine> drift = new ArrayList<>(diff.changes().stream().map(ChangeLine::of).toList());
        drift.addAll(unmodelled(expected.unmodelled(), live.unmodelled()));
        return new Report(List.copyOf(heads), drift, diff.notes());
    }

    private static List<ChangeLine> unmodelled(List<Unmodelled> expected, List<Unmodelled> live) {
        List<ChangeLine> lines = new ArrayList<>();
        live.stream().filter(u -> !expected.contains(u))
                .forEach(u -> lines.add(new ChangeLine("+", u.kind() + " " + u.identity() + " (not modelled: compared by name)")));
        expected.stream().filter(u -> !live.contains(u))
                .forEach(u -> lines.add(new ChangeLine("-", u.kind() + " " + u.identity() + " (not modelled: compared by name)")));
        return lines;
    }
}
