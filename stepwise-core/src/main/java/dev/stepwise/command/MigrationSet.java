package dev.stepwise.command;

import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.source.Migration;

import java.util.List;

/** The project's migrations, validated, and the revision graph they form. */
public final class MigrationSet {

    private final List<Migration> migrations;
    private final RevisionGraph graph;
    /** Each revision's migration at the revision's index in the graph: the graph's index by id serves both. */
    private final Migration[] byGraphIndex;

    public MigrationSet(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
        this.graph = RevisionGraph.of(migrations.stream().map(Migration::toRevision).toList());
        this.byGraphIndex = new Migration[graph.size()];
        for (Migration m : this.migrations) {
            // the graph refused duplicate revisions, so each index is filled once
            byGraphIndex[graph.indexOf(m.revision())] = m;
        }
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
        return byGraphIndex[at];
    }
}
