package dev.stepwise.schema;

import java.util.List;

/**
 * What a database's schema is, as the database itself reports it: every kind of object Stepwise
 * models, each list sorted by name so two models of the same schema are equal, and the objects
 * it does not model, listed so nothing is ignored silently.
 */
public record SchemaModel(List<String> schemas, List<Extension> extensions, List<EnumType> enums,
                          List<Domain> domains, List<Sequence> sequences, List<Table> tables, List<View> views,
                          List<Routine> routines, List<Trigger> triggers, List<Comment> comments,
                          List<Unmodelled> unmodelled) {

    public SchemaModel {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        enums = List.copyOf(enums);
        domains = List.copyOf(domains);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        routines = List.copyOf(routines);
        triggers = List.copyOf(triggers);
        comments = List.copyOf(comments);
        unmodelled = List.copyOf(unmodelled);
    }

    /** The table of that name, if the model has one. */
    public java.util.Optional<Table> table(ObjectName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
