package dev.stepwise.command;

import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.SizedFacts;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Walks a revision graph in order, replaying each migration into a scratch database, and hands
 * every wanted one the facts of the database it would meet: the replay's structure, with the
 * target's sizes and server version when there is a target. A migration the server refuses ends
 * the replay (with a notice); the ones after it get the target's catalog alone, or the files alone.
 */
final class MigrationFacts {

    /** Gets each wanted migration, in order, with its facts. */
    interface Visitor {
        void visit(SqlMigration migration, SchemaFacts facts) throws SQLException;
    }

    private final Workspace workspace;
    private final MigrationLinter linter;
    private final List<String> notices;

    MigrationFacts(Workspace workspace, List<String> notices) {
        this.workspace = workspace;
        this.linter = workspace.dialect().linter();
        this.notices = notices;
    }

    private SchemaFacts targetFacts(Connection target, SqlMigration sql) throws SQLException {
        return SizedCatalog.read(workspace, linter, target, sql, notices::add);
    }

    /**
     * @param order  every migration of the graph, in the order upgrade applies them
     * @param wanted the revisions to visit
     * @param target the target database (sizes, version), or null
     * @return the server version the facts follow
     */
    int walk(List<Migration> order, Set<String> wanted, Connection target, Visitor visitor) throws SQLException {
        int targetVersion = target == null ? -1 : workspace.dialect().serverInfo(target).majorVersion();
        String name = workspace.runId() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (ReplayDatabase replay = ReplayDatabase.create(workspace.replayServer(Math.max(targetVersion, 0)),
                workspace.dialect(), name)) {
            int version = targetVersion > 0 ? targetVersion : replay.serverMajorVersion();
            if (targetVersion > 0 && targetVersion != replay.serverMajorVersion()
                    && notices.stream().noneMatch(n -> n.startsWith("replaying on"))) {
                notices.add("replaying on PostgreSQL " + replay.serverMajorVersion() + ", the nearest to the target's "
                        + targetVersion + " at hand (" + (workspace.config().replayUrl() != null ? "the replay_url server"
                        : "embedded; the binaries of other versions are taken from the local Maven repository, see"
                        + " docs/lint.md") + "); the rules follow "
                        + targetVersion + "'s behaviour");
            }
            boolean replaying = true;
            int remaining = (int) order.stream().filter(m -> wanted.contains(m.revision())).count();
            for (Migration m : order) {
                if (remaining == 0) {
                    break;
                }
                if (!(m instanceof SqlMigration sql)) {
                    if (replaying) {
                        notices.add("Java migration " + m.revision() + " is not replayed: what it changes is unknown"
                                + " to lint, so the migrations after it may be judged without some facts");
                    }
                    remaining -= wanted.contains(m.revision()) ? 1 : 0;
                    continue;
                }
                if (wanted.contains(m.revision())) {
                    SchemaFacts facts;
                    if (replaying) {
                        SchemaFacts structure = linter.catalogFacts(replay.connection(), sql, false);
                        facts = target == null ? SizedFacts.forVersion(structure, version)
                                : new SizedFacts(structure, targetFacts(target, sql));
                    } else {
                        facts = target == null ? SchemaFacts.offline(version) : targetFacts(target, sql);
                    }
                    visitor.visit(sql, facts);
                    remaining--;
                }
                if (replaying && remaining > 0) {
                    try {
                        replay.apply(sql);
                    } catch (ReplayDatabase.ReplayFailed e) {
                        replaying = false;
                        notices.add("the replay stopped: " + e.getMessage() + "; the migrations after "
                                + m.revision() + " are judged " + (target == null ? "from their files alone"
                                : "against the target's catalog"));
                    }
                }
            }
            return version;
        }
    }
}
