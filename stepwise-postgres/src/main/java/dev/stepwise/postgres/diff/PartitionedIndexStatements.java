package dev.stepwise.postgres.diff;

import dev.stepwise.diff.CreatePartitionedIndex;
import dev.stepwise.diff.DropPartitionedIndex;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.schema.ObjectName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.stepwise.postgres.diff.Sql.name;
import static dev.stepwise.postgres.diff.Sql.q;

/**
 * An index on a partitioned table that holds rows: PostgreSQL builds no partitioned index
 * concurrently, so the parent gets an index of its own alone ({@code ON ONLY}, instant, invalid
 * until complete), each partition's is built concurrently, and each is attached, after which the
 * parent's is valid.
 */
final class PartitionedIndexStatements {

    /** {@code CREATE [UNIQUE] INDEX name ON [ONLY] table USING ...}, as {@code pg_get_indexdef} prints it. */
    private static final Pattern DEFINITION = Pattern.compile("^CREATE (UNIQUE )?INDEX (.+?) ON (?:ONLY )?(.+?) USING (.*)$",
            Pattern.DOTALL);

    private PartitionedIndexStatements() {
    }

    static List<String> create(CreatePartitionedIndex c) {
        Matcher m = DEFINITION.matcher(c.index().definition());
        if (!m.matches()) {
            throw new IllegalStateException("unexpected index definition: " + c.index().definition());
        }
        String unique = m.group(1) == null ? "" : m.group(1);
        String rest = " USING " + m.group(4);
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
}
