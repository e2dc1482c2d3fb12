package dev.stepwise.postgres.generate;

import dev.stepwise.postgres.statement.PostgresIdentifiers;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the generators need to know of one table, read from the catalog by {@link TableShapes}:
 * its columns, keys, indexes, constraints, and what else depends on each column.
 *
 * @param kind          {@code r} (table) or {@code p} (partitioned table)
 * @param primaryKey    the key columns' numbers, empty without a primary key
 * @param referencedBy  foreign keys of other tables (or this one) that point at this table's columns
 * @param dependents    other objects that use a column: views, triggers, policies, statistics, generated columns
 * @param acl           the table's privileges as {@code GRANT} statements' parts (grantee, privilege), for a view that stands in for it
 */
record TableShape(long oid, String schema, String name, char kind, List<Column> columns, List<Integer> primaryKey,
                  List<Index> indexes, List<Constraint> constraints, List<ForeignKeyIn> referencedBy,
                  List<Dependent> dependents, List<Grant> acl) {

    /**
     * One column.
     *
     * @param type          as {@code format_type} writes it ({@code character varying(100)})
     * @param collation     the column's collation when it is not its type's default, quoted, else null
     * @param defaultValue  the default expression, or null
     * @param identity      {@code a} (ALWAYS), {@code d} (BY DEFAULT), or blank
     * @param generated     whether it is a generated column
     * @param ownedSequence the sequence owned by the column (serial), qualified and quoted, or null
     */
    record Column(int number, String name, String type, String collation, boolean notNull, String defaultValue,
                  char identity, boolean generated, String ownedSequence) {

        String sql() {
            return PostgresIdentifiers.quote(name);
        }

        /** The type with its collation, as a column definition writes it. */
        String typeSql() {
            return type + (collation == null ? "" : " COLLATE " + collation);
        }
    }

    /**
     * One index.
     *
     * @param definition     as {@code pg_get_indexdef} writes it
     * @param columns        the columns it uses, in keys, expressions and predicate
     * @param constraintName the constraint it backs (primary key, unique, exclusion), or null
     * @param constraintType {@code p}, {@code u}, {@code x}, or blank
     * @param deferrable     the constraint's {@code DEFERRABLE ...} clause, or ""
     * @param constraintDefinition the constraint as {@code pg_get_constraintdef} writes it, or null
     */
    record Index(String name, String definition, Set<Integer> columns, String constraintName, char constraintType,
                 String deferrable, String constraintDefinition) {
    }

    /**
     * One check or foreign-key constraint of this table.
     *
     * @param type       {@code c} or {@code f}
     * @param definition as {@code pg_get_constraintdef} writes it
     */
    record Constraint(String name, char type, String definition, Set<Integer> columns, boolean validated) {
    }

    /** A foreign key pointing at this table: its name, its table, which of our columns it references, and whether it is this table's own. */
    record ForeignKeyIn(String name, String table, Set<Integer> columns, boolean self) {
    }

    /** Something else that uses a column, as {@code pg_describe_object} names it. */
    record Dependent(int column, String description) {
    }

    /** One privilege on the table. */
    record Grant(String grantee, String privilege, boolean grantable) {
    }

    String sql() {
        return PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(name);
    }

    Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    Column column(int number) {
        return columns.stream().filter(c -> c.number() == number).findFirst().orElseThrow();
    }
}
