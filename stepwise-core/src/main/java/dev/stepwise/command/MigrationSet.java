package dev.stepwise.command;

import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.source.Migration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The project's migrations, validated, and the revision graph they form. */
public final class MigrationSet {

    private final List<Migration> migrations;
    private final Map<String, Migration> byRevision = new HashMap<>();
    private final RevisionGraph graph;

    public MigrationSet(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
        this.graph = RevisionGraph.of(migrations.stream().map(Migration::toRevision).toList());
        for (Migration m : migrations) {
            byRevision.put(m.revision(), m);
        }
    }

    public List<Migration> all() {
        return migrations;
    }

    public RevisionGraph graph() {
        return graph;
    }

    public Migration get(String revision) {
        Migration m = byRevision.get(revision);
        if (m == null) {
            throw new IllegalArgumentException("no migration " + revision);
        }
        return m;
    }
}
