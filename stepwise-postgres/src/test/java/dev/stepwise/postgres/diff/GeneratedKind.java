package dev.stepwise.postgres.diff;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of object the property test's schema generator makes, each of which can be switched off. */
enum GeneratedKind {
    SCHEMAS, TABLES, COLUMNS, CONSTRAINTS, INDEXES, PARTITIONS,
    EXTENSIONS, ENUMS, DOMAINS, SEQUENCES, VIEWS, ROUTINES, TRIGGERS, COMMENTS;

    /** Kinds made as statements of their own around the tables (types first, code and comments after). */
    static final Set<GeneratedKind> AROUND_TABLES = EnumSet.of(EXTENSIONS, ENUMS, DOMAINS, SEQUENCES, VIEWS,
            ROUTINES, TRIGGERS, COMMENTS);

    /** What the generator makes by default: every kind (switch one off to narrow a failure down). */
    static Set<GeneratedKind> enabled() {
        return EnumSet.allOf(GeneratedKind.class);
    }
}
