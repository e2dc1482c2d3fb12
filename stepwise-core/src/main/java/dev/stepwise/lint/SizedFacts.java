package dev.stepwise.lint;

import java.util.List;
import java.util.Optional;

/**
 * The structure a replay found, with the sizes (and server version) of the target: a table the
 * target has takes its size from there; one the target lacks is created by an earlier migration
 * of the same run, so it is empty when this one runs. A table the replay does not know but the
 * target has (made outside the migrations) is taken from the target whole.
 */
public final class SizedFacts implements SchemaFacts {

    private final SchemaFacts structure;
    private final SchemaFacts target;

    public SizedFacts(SchemaFacts structure, SchemaFacts target) {
        this.structure = structure;
        this.target = target;
    }

    @Override
    public Source source() {
        return Source.TARGET;
    }

    @Override
    public int serverMajorVersion() {
        return target.serverMajorVersion();
    }

    @Override
    public Optional<TableFacts> table(String schema, String name) {
        Optional<TableFacts> there = target.table(schema, name);
        Optional<TableFacts> replayed = structure.table(schema, name);
        if (replayed.isEmpty()) {
            return there;
        }
        return Optional.of(replayed.get().withSize(there.map(TableFacts::size).orElse(TableSize.EMPTY)));
    }

    @Override
    public boolean knowsTables() {
        return true;
    }

    @Override
    public Optional<Character> functionVolatility(String schema, String name) {
        Optional<Character> replayed = structure.functionVolatility(schema, name);
        return replayed.isPresent() ? replayed : target.functionVolatility(schema, name);
    }

    @Override
    public List<String> enumLabels(String schema, String name) {
        List<String> replayed = structure.enumLabels(schema, name);
        return replayed.isEmpty() ? target.enumLabels(schema, name) : replayed;
    }

    /** Facts as they are, but judged for another server version (a replay on a newer server). */
    public static SchemaFacts forVersion(SchemaFacts facts, int serverMajorVersion) {
        if (facts.serverMajorVersion() == serverMajorVersion) {
            return facts;
        }
        return new SchemaFacts() {
            @Override
            public Source source() {
                return facts.source();
            }

            @Override
            public int serverMajorVersion() {
                return serverMajorVersion;
            }

            @Override
            public Optional<TableFacts> table(String schema, String name) {
                return facts.table(schema, name);
            }

            @Override
            public boolean knowsTables() {
                return facts.knowsTables();
            }

            @Override
            public Optional<Character> functionVolatility(String schema, String name) {
                return facts.functionVolatility(schema, name);
            }

            @Override
            public List<String> enumLabels(String schema, String name) {
                return facts.enumLabels(schema, name);
            }
        };
    }
}
