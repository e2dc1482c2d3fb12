package dev.stepwise.postgres.embedded;

import dev.stepwise.dialect.EmbeddedServer;
import dev.stepwise.dialect.EmbeddedServerProvider;

import java.nio.file.Path;

/** Provides the embedded PostgreSQL server (binaries from zonky's Maven artifacts) to core. */
public final class EmbeddedPostgresProvider implements EmbeddedServerProvider {

    @Override
    public String dialectName() {
        return "postgresql";
    }

    @Override
    public EmbeddedServer open(Path stateDirectory) {
        return SharedPostgres.open(stateDirectory);
    }

    @Override
    public EmbeddedServer open(Path stateDirectory, int wantedMajor) {
        return SharedPostgres.open(stateDirectory, wantedMajor);
    }
}
