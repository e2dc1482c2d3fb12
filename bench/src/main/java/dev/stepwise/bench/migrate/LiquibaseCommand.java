package dev.stepwise.bench.migrate;

import dev.stepwise.bench.server.BenchServer;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.UIService;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

/**
 * Runs one Liquibase command ({@code update}, {@code status}) through its command API on a
 * changelog directory, the way Liquibase's own Maven plugin and Spring integration do.
 *
 * @param ui where Liquibase's user messages go: the console for {@code status}, the (quiet) log
 *           for {@code update}, so that no tool of the migrate benchmark pays for printing
 */
public record LiquibaseCommand(Path changelogDirectory, String changelog, UIService ui) {

    public void run(String[] command, String jdbcUrl) throws Exception {
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(changelogDirectory),
                Scope.Attr.ui.name(), ui);
        Scope.child(scope, () -> {
            try (Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                    new JdbcConnection(DriverManager.getConnection(jdbcUrl, BenchServer.USER, "")))) {
                new CommandScope(command)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                        .execute();
            }
        });
    }
}
