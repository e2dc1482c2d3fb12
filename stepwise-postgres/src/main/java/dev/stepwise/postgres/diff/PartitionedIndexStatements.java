package dev.stepwise.postgres.diff;

import dev.stepwise.diff.CreatePartitionedIndex;
import dev.stepwise.diff.DropPartitionedIndex;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.schema.ObjectName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.stepwise.postgres.diff.Sql.name;
import static dev.stepwise.postgres.diff.Sql.q;

/**
 * An index on a partitioned table that holds rows: PostgreSQL builds no partitioned index
 * concurrently, so the parent gets an index of its own alone ({@code ON ONLY}, instant, invalid
 * until complete), each partition's is built concurrently, and each is attached, after which the
 * parent's is valid.
 */
final class PartitionedIndexStatements {

    private static final String UNIQUE = "CREATE UNIQUE INDEX ";
    private static final String USING = " USING ";

    private PartitionedIndexStatements() {
    }

    static List<String> create(CreatePartitionedIndex c) {
        String definition = c.index().definition();
        int using = usingAfterNames(definition);
        if (!definition.startsWith("CREATE ") || using < 0) {
            throw new IllegalStateException("unexpected index definition: " + definition);
        }
        String unique = definition.startsWith(UNIQUE) ? "UNIQUE " : "";
        String rest = definition.substring(using);
        List<String> statements = new ArrayList<>();
        statements.add("CREATE " + unique + "INDEX " + q(c.index().name()) + " ON ONLY " + name(c.table()) + rest);
        Map<ObjectName, String> indexOf = new HashMap<>();
        indexOf.put(c.table(), c.index().name());
        for (CreatePartitionedIndex.Partition p : c.partitions()) {
            String own = PostgresIdentifiers.derivedName(p.table().name(), c.index().name());
            indexOf.put(p.table(), own);
            statements.add(p.partitioned()
                    ? "CREATE " + unique + "INDEX " + q(own) + " ON ONLY " + name(p.table()) + rest
                    : "CREATE " + unique + "INDEX CONCURRENTLY " + q(own) + " ON " + name(p.table()) + rest);
            statements.add("ALTER INDEX " + q(p.parent().schema()) + "." + q(indexOf.get(p.parent()))
                    + " ATTACH PARTITION " + q(p.table().schema()) + "." + q(own));
        }
        return statements;
    }

    static List<String> drop(DropPartitionedIndex c) {
        return List.of(Sql.allowed("drop-index-non-concurrently",
                "PostgreSQL cannot drop a partitioned table's index concurrently; the lock is short, the drop does not scan",
                "DROP INDEX " + q(c.table().schema()) + "." + q(c.index().name())));
    }

    /**
     * Where {@code USING} follows the index and table names in a definition as {@code pg_get_indexdef}
     * prints it ({@code CREATE [UNIQUE] INDEX name ON [ONLY] table USING ...}): the first one outside
     * double quotes, since a quoted name may hold " ON " or " USING " itself. -1 when there is none.
     */
    private static int usingAfterNames(String definition) {
        boolean quoted = false;
        for (int i = 0; i < definition.length(); i++) {
            char ch = definition.charAt(i);
            if (ch == '"') {
                quoted = !quoted; // a doubled quote inside a name flips twice
            } else if (!quoted && definition.startsWith(USING, i)) {
                return i;
            }
        }
        return -1;
    }
}
