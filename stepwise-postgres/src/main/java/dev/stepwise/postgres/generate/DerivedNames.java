package dev.stepwise.postgres.generate;

import dev.stepwise.postgres.statement.PostgresIdentifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Names for what the generators create, hash-shortened to PostgreSQL's limit, and checked against
 * the relations of the schema and the constraints of the table, so a copy never takes a name
 * that is in use (the generated migration would fail) or one PostgreSQL would truncate into a
 * clash.
 */
final class DerivedNames {

    private final Connection connection;
    private final TableShape table;
    private final Set<String> taken = new HashSet<>();

    DerivedNames(Connection connection, TableShape table) {
        this.connection = connection;
        this.table = table;
        table.constraints().forEach(c -> taken.add(c.name()));
        table.indexes().forEach(i -> taken.add(i.name()));
    }

    /** Numbered tries at a free name before giving up: more means the names are not what they seem. */
    private static final int TRIES = 100;

    /** A relation name (an index) in the table's schema. */
    String relation(String... parts) throws SQLException {
        String base = PostgresIdentifiers.derivedName(parts);
        String name = base;
        for (int n = 2; taken.contains(name) || TableShapes.relationExists(connection, table.schema(), name); n++) {
            if (n > TRIES) {
                // a name PostgreSQL cuts to one that exists would be "taken" whatever its number
                throw new IllegalStateException("no free name for " + base + " in schema " + table.schema()
                        + " after " + TRIES + " tries");
            }
            name = PostgresIdentifiers.derivedName(base, String.valueOf(n));
        }
        taken.add(name);
        return name;
    }

    /** A constraint name of the table (checked against its indexes too: a unique constraint becomes one). */
    String constraint(String... parts) throws SQLException {
        return relation(parts);
    }

    /** The name of a copy of {@code original} for the new column: the old column's name replaced, else appended. */
    String copyOf(String original, String oldColumn, String newColumn) throws SQLException {
        int at = original.indexOf(oldColumn);
        return at >= 0
                ? relation(original.substring(0, at) + newColumn + original.substring(at + oldColumn.length()))
                : relation(original, newColumn);
    }
}
