package dev.stepwise.bench.migrate;

import dev.stepwise.bench.server.BenchDatabase;

/** One tool applying the whole corpus to an empty database, through its Java API. */
public interface Migrator {

    /** The tool's name in the result tables. */
    String name();

    /** Applies every migration; the time of this call is what is measured. */
    void migrate(BenchDatabase database) throws Exception;
}
