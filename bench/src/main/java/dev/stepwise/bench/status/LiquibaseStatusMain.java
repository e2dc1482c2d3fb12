package dev.stepwise.bench.status;

import dev.stepwise.bench.migrate.LiquibaseCommand;
import liquibase.command.core.StatusCommandStep;
import liquibase.ui.ConsoleUIService;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Liquibase's {@code status} through its command API in a fresh JVM, printing to the console.
 *
 * <p>Arguments: the JDBC URL, the changelog directory, the master changelog's name.
 */
public final class LiquibaseStatusMain {

    private LiquibaseStatusMain() {
    }

    public static void main(String[] args) throws Exception {
        // Liquibase logs through java.util.logging at INFO by default; the other tools run quiet too
        Logger.getLogger("").setLevel(Level.WARNING);
        new LiquibaseCommand(Path.of(args[1]), args[2], new ConsoleUIService())
                .run(StatusCommandStep.COMMAND_NAME, args[0]);
    }
}
