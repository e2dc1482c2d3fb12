package dev.stepwise.command;

import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.source.Migration;

import java.util.List;

/** The project's migrations, validated, and the revision graph they form. */
public final class MigrationSet {

    private final List<Migration> migrations;
    /** Its nodes are the migrations themselves, so its index by id finds a migration too. */
    private final RevisionGraph graph;

    public MigrationSet(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
        this.graph = RevisionGraph.of(this.migrations);
    }

    public List<Migration> all() {
        return migrations;
    }

    public RevisionGraph graph() {
        return graph;
    }

    public Migration get(String revision) {
        int at = graph.indexOf(revision);
        if (at < 0) {
            throw new IllegalArgumentException("no migration " + revision);
        }
        return (Migration) graph.topologicalOrder().get(at);
    }
}
