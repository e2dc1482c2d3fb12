package dev.stepwise.lint;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A catalog's facts, read the first time a rule asks about a table, a function or an enum type:
 * a migration whose statements no rule needs the catalog for (a nullable column, an index built
 * concurrently, a batched update) is linted without a round trip to the database. What it is and
 * the server's version are known without reading.
 */
public final class DeferredFacts implements SchemaFacts {

    private final Source source;
    private final int serverMajorVersion;
    private final Supplier<SchemaFacts> read;
    private SchemaFacts facts;

    /**
     * @param read reads the catalog; called at most once, by the first question that needs it
     */
    public DeferredFacts(Source source, int serverMajorVersion, Supplier<SchemaFacts> read) {
        this.source = source;
        this.serverMajorVersion = serverMajorVersion;
        this.read = read;
    }

    /** Whether the catalog has been read. */
    public boolean wasRead() {
        return facts != null;
    }

    private SchemaFacts facts() {
        if (facts == null) {
            facts = read.get();
        }
        return facts;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public int serverMajorVersion() {
        return serverMajorVersion;
    }

    @Override
    public Optional<TableFacts> table(String schema, String name) {
        return facts().table(schema, name);
    }

    /** A catalog knows its tables. */
    @Override
    public boolean knowsTables() {
        return true;
    }

    @Override
    public Optional<Character> functionVolatility(String schema, String name) {
        return facts().functionVolatility(schema, name);
    }

    @Override
    public List<String> enumLabels(String schema, String name) {
        return facts().enumLabels(schema, name);
    }
}
