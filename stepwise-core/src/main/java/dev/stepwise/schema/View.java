package dev.stepwise.schema;

import java.util.List;

/**
 * A view or materialized view, with PostgreSQL's text of its query, its columns' names and (a
 * materialized view's) indexes.
 */
public record View(ObjectName name, Kind kind, String definition, List<String> columns, List<Index> indexes) {

    /** Plain views are computed on read; materialized ones store rows. */
    public enum Kind { VIEW, MATERIALIZED }

    public View {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }
}
