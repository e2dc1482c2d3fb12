package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.autogen.SchemaFiles;
import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.graph.Revision;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Schema models as PostgreSQL itself makes them, read from scratch databases on the replay server
 * (of the target's major version, or the nearest newer one at hand): a desired schema applied
 * from SQL files, the migrations replayed up to a revision, a fresh database; and live databases,
 * read with Stepwise's own version tables left out. No SQL is interpreted here: what a schema is,
 * is what the server made of it.
 */
final class ScratchSchemas {

    private final Workspace workspace;
    private final int serverVersion;

    /** @param serverVersion the target's major version, or 0 for the embedded default's */
    ScratchSchemas(Workspace workspace, int serverVersion) {
        this.workspace = workspace;
        this.serverVersion = serverVersion;
    }

    /** The configured target's major version, or 0 when none is configured. */
    static int targetVersion(Workspace workspace) {
        if (!workspace.targetConfigured()) {
            return 0;
        }
        try (Connection c = workspace.openReadConnection()) {
            return workspace.dialect().serverInfo(c).majorVersion();
        } catch (SQLException e) {
            throw new DatabaseException("reading the target's server version", e);
        }
    }

    /**
     * The schema the SQL files under {@code directory} make on a fresh database.
     *
     * @throws StepwiseException (bad input) naming the file and line of a statement the server refuses
     */
    SchemaModel desired(Path directory, String shownAs) {
        List<SchemaFiles.Statement> statements = SchemaFiles.read(directory, shownAs);
        try (ReplayDatabase db = fresh()) {
            for (SchemaFiles.Statement s : statements) {
                try {
                    db.execute(s.sql());
                } catch (SQLException e) {
                    throw new StepwiseException(StepwiseException.Category.BAD_INPUT, s.where() + ": "
                            + firstLine(e.getMessage()));
                }
            }
            return read(db);
        }
    }

    /** A fresh scratch database; the caller closes it, which drops it. */
    ReplayDatabase fresh() {
        String name = workspace.runId() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return ReplayDatabase.create(workspace.replayServer(serverVersion), workspace.dialect(), name);
    }

    /**
     * A scratch database with the {@code +up} of every migration of {@code applied} replayed, in
     * the graph's order. Java migrations cannot be replayed: a notice says so.
     *
     * @param what what is replayed, for messages ({@code the migrations up to head})
     */
    ReplayDatabase replay(MigrationSet set, Set<String> applied, String what) {
        ReplayDatabase db = fresh();
        try {
            for (Revision r : set.graph().topologicalOrder()) {
                if (!applied.contains(r.id())) {
                    continue;
                }
                Migration m = set.get(r.id());
                if (!(m instanceof SqlMigration sql)) {
                    workspace.listener().notice("Java migration " + r.id() + " is not replayed: the schema of "
                            + what + " is read without what it changes");
                    continue;
                }
                try {
                    db.apply(sql);
                } catch (ReplayDatabase.ReplayFailed e) {
                    throw new StepwiseException(StepwiseException.Category.FAILED, "cannot replay " + what
                            + " to read its schema: " + e.getMessage());
                }
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The schema of a scratch database. */
    SchemaModel read(ReplayDatabase db) {
        try {
            return workspace.dialect().introspector().introspect(db.connection(), SchemaIntrospector.Scope.ALL);
        } catch (SQLException e) {
            throw new DatabaseException("reading the schema of a scratch database", e);
        }
    }

    /**
     * The schema of a live database without Stepwise's version and history tables, and without
     * their schema when they are all it holds (a replay has neither).
     */
    SchemaModel live(Connection c) {
        try {
            return dev.stepwise.dialect.ApplicationSchema.read(workspace.dialect().introspector(), c,
                    workspace.config().tables());
        } catch (SQLException e) {
            throw new DatabaseException("reading the database's schema", e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
