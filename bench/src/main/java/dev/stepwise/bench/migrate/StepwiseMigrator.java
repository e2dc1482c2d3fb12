package dev.stepwise.bench.migrate;

import dev.stepwise.Stepwise;
import dev.stepwise.bench.server.BenchDatabase;

import java.nio.file.Path;

/**
 * Stepwise through its public API, as an application would call it. Its cost includes what makes
 * it safe: the advisory run lock on a second connection (checked before each commit), the
 * version-table compare-and-set and a history row per migration.
 */
public final class StepwiseMigrator implements Migrator {

    private final Path project;
    private final Path migrations;

    public StepwiseMigrator(Path project, Path migrations) {
        this.project = project;
        this.migrations = migrations;
    }

    @Override
    public String name() {
        return "Stepwise";
    }

    @Override
    public void migrate(BenchDatabase database) {
        try (Stepwise stepwise = Stepwise.configure()
                .projectDirectory(project)
                .dataSource(database.dataSource())
                .migrations(migrations)
                .build()) {
            stepwise.upgrade("head");
        }
    }
}
