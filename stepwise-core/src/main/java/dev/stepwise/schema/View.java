package dev.stepwise.schema;

import java.util.List;

/**
 * A view or materialized view, with PostgreSQL's text of its query, its columns' names, (a
 * materialized view's) indexes, and the tables and views its query reads, which must be there
 * before it and cannot change type under it.
 */
public record View(ObjectName name, Kind kind, String definition, List<String> columns, List<Index> indexes,
                   List<ObjectName> dependsOn) {

    /** Plain views are computed on read; materialized ones store rows. */
    public enum Kind { VIEW, MATERIALIZED }

    public View {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        dependsOn = List.copyOf(dependsOn);
    }
}
