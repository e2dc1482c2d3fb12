package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes of one diff while it is planned, each in the phase it belongs to, and what the
 * parts of the diff tell each other: which tables change under the views that read them, and
 * which objects are made again (and so lose their comments and triggers).
 */
final class Plan {

    /**
     * The order PostgreSQL needs: what uses an object goes before the object when dropping and
     * after it when creating. Comments go first when removed (the object is still there) and last
     * when set (every object is).
     */
    enum Phase {
        REMOVE_COMMENTS, DROP_TRIGGERS, DROP_VIEWS, DISOWN_SEQUENCES, DROP_FOREIGN_KEYS, DROP_INDEXES_AND_CONSTRAINTS,
        DROP_TABLES, DETACH_PARTITIONS, CREATE_SCHEMAS, CREATE_EXTENSIONS, CREATE_TYPES, CREATE_SEQUENCES,
        CREATE_ROUTINES, CREATE_TABLES, ATTACH_PARTITIONS, COLUMNS, PARTITION_COLUMNS, OWN_SEQUENCES,
        ADD_CONSTRAINTS, CREATE_INDEXES, ADD_FOREIGN_KEYS,
        CREATE_SQL_ROUTINES, CREATE_VIEWS, CREATE_TRIGGERS, DROP_COLUMNS, DROP_ROUTINES, DROP_SEQUENCES,
        DROP_DOMAINS, DROP_ENUMS, DROP_EXTENSIONS, DROP_SCHEMAS, SET_COMMENTS
    }

    private final Map<Phase, List<SchemaChange>> phases = new EnumMap<>(Phase.class);
    final List<String> notes = new ArrayList<>();
    /** Tables whose columns change type or go, so that views reading them must be made again. */
    final Set<ObjectName> reshapedTables = new LinkedHashSet<>();
    /** Relations, types and routines dropped and made again: their comments are set again. */
    final Set<ObjectName> recreated = new LinkedHashSet<>();

    Plan() {
        for (Phase phase : Phase.values()) {
            phases.put(phase, new ArrayList<>());
        }
    }

    void add(Phase phase, SchemaChange change) {
        phases.get(phase).add(change);
    }

    List<SchemaChange> phase(Phase phase) {
        return phases.get(phase);
    }

    List<SchemaChange> ordered() {
        List<SchemaChange> all = new ArrayList<>();
        phases.values().forEach(all::addAll);
        return all;
    }
}
