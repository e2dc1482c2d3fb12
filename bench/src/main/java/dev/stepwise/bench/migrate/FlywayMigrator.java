package dev.stepwise.bench.migrate;

import dev.stepwise.bench.server.BenchDatabase;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;

/** Flyway (open-source edition) through its Java API, with its defaults (validate on migrate, one transaction per migration). */
public final class FlywayMigrator implements Migrator {

    private final Path migrations;

    public FlywayMigrator(Path migrations) {
        this.migrations = migrations;
    }

    @Override
    public String name() {
        return "Flyway " + ArtifactVersion.of("org.flywaydb", "flyway-core");
    }

    @Override
    public void migrate(BenchDatabase database) {
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations("filesystem:" + migrations.toAbsolutePath())
                .load()
                .migrate();
    }
}
