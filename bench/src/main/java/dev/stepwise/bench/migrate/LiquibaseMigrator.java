package dev.stepwise.bench.migrate;

import dev.stepwise.bench.server.BenchDatabase;
import liquibase.command.core.UpdateCommandStep;
import liquibase.ui.LoggerUIService;
import liquibase.util.LiquibaseUtil;

import java.nio.file.Path;

/**
 * Liquibase through its command API ({@code update}), as its own integrations call it: the master
 * changelog includes one formatted-SQL changelog per change; each changeset runs in its own
 * transaction with its {@code DATABASECHANGELOG} row.
 */
public final class LiquibaseMigrator implements Migrator {

    private final Path changelogDirectory;
    private final String changelog;

    public LiquibaseMigrator(Path changelogDirectory, String changelog) {
        this.changelogDirectory = changelogDirectory;
        this.changelog = changelog;
    }

    @Override
    public String name() {
        return "Liquibase " + LiquibaseUtil.getBuildVersion();
    }

    @Override
    public void migrate(BenchDatabase database) throws Exception {
        new LiquibaseCommand(changelogDirectory, changelog, new LoggerUIService())
                .run(UpdateCommandStep.COMMAND_NAME, database.jdbcUrl());
    }
}
