package dev.stepwise.lint;

import java.util.List;
import java.util.Optional;

/**
 * What the linter knows about the database a migration runs on, before it runs: the catalog of
 * a database the earlier migrations were replayed on, or of the target itself, with the target's
 * sizes; offline, nothing but the server version it assumes.
 */
public interface SchemaFacts {

    /** How the facts were found, for the report. */
    enum Source {
        /** Nothing but the files: every table not created in the migration is of unknown size. */
        OFFLINE,
        /** Earlier migrations replayed on an embedded server: structure known, sizes not. */
        REPLAY,
        /** The target database itself: structure and sizes. */
        TARGET
    }

    Source source();

    int serverMajorVersion();

    /**
     * The table a name resolves to (through the search path when not qualified), or empty when it
     * does not exist (or, offline, cannot be known: see {@link #knowsTables()}).
     */
    Optional<TableFacts> table(String schema, String name);

    /** Whether a table's absence from {@link #table} means it does not exist (false offline). */
    boolean knowsTables();

    /** {@code i}mmutable, {@code s}table or {@code v}olatile for a function by name, or empty when unknown. */
    Optional<Character> functionVolatility(String schema, String name);

    /** The labels of an enum type, in order, or empty when it is no known enum. */
    List<String> enumLabels(String schema, String name);

    SchemaFacts OFFLINE_17 = offline(17);

    static SchemaFacts offline(int serverMajorVersion) {
        return new SchemaFacts() {
            @Override
            public Source source() {
                return Source.OFFLINE;
            }

            @Override
            public int serverMajorVersion() {
                return serverMajorVersion;
            }

            @Override
            public Optional<TableFacts> table(String schema, String name) {
                return Optional.empty();
            }

            @Override
            public boolean knowsTables() {
                return false;
            }

            @Override
            public Optional<Character> functionVolatility(String schema, String name) {
                return Optional.empty();
            }

            @Override
            public List<String> enumLabels(String schema, String name) {
                return List.of();
            }
        };
    }
}
