package dev.stepwise.bench.diff;

import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.DiffChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ReferenceDbUrlConnectionCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.Table;
import liquibase.ui.LoggerUIService;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

/**
 * Liquibase's side of the diff benchmark, through its Java API in this JVM: a snapshot of one
 * database (what Liquibase reads where Stepwise introspects), and the {@code diffChangelog}
 * command between two, as its Maven plugin calls it. The connections are opened before the clock
 * starts and closed after it stops, as on the Stepwise side.
 */
final class LiquibaseDiff {

    /** A database as Liquibase wraps a connection, opened for one measured call. */
    static Database open(BenchDatabase db) throws Exception {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                new JdbcConnection(DriverManager.getConnection(db.jdbcUrl(), BenchServer.USER, "")));
    }

    /** Every object type Liquibase snapshots by default, of the default schema; returns the tables it saw. */
    static int snapshot(Database database) throws Exception {
        DatabaseSnapshot snapshot = SnapshotGeneratorFactory.getInstance()
                .createSnapshot(database.getDefaultSchema(), database, new SnapshotControl(database));
        return snapshot.get(Table.class).size();
    }

    /**
     * {@code diffChangelog}: the changesets that make {@code target} like {@code reference}, written
     * to {@code changelog} (a new file: Liquibase adds to one that exists).
     */
    static void diffChangelog(Database target, Database reference, Path changelog) throws Exception {
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(changelog.getParent()),
                Scope.Attr.ui.name(), new LoggerUIService());
        Scope.child(scope, () -> new CommandScope(DiffChangelogCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, target)
                .addArgumentValue(ReferenceDbUrlConnectionCommandStep.REFERENCE_DATABASE_ARG, reference)
                .addArgumentValue(DiffChangelogCommandStep.CHANGELOG_FILE_ARG, changelog.toString())
                .execute());
    }

    private LiquibaseDiff() {
    }
}
