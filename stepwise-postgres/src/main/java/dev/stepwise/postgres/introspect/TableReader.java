package dev.stepwise.postgres.introspect;

import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.Constraint;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables with their columns, constraints and indexes: four queries for the whole scope, joined by
 * table OID here. Constraints and indexes a partition inherits from its parent are left out: the
 * parent's are the ones a migration writes, and PostgreSQL makes the partition's itself.
 */
final class TableReader {

    private static final String TABLES = "SELECT c.oid, s.nspname, c.relname,"
            + " CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,"
            + " ps.nspname AS parent_schema, pc.relname AS parent_name,"
            + " CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound"
            + " FROM pg_catalog.pg_class c JOIN scope s ON s.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid"
            + " LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent"
            + " LEFT JOIN pg_catalog.pg_namespace ps ON ps.oid = pc.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND c.oid NOT IN (SELECT oid FROM excluded)";

    private static final String COLUMNS = "SELECT a.attrelid, a.attname,"
            + " pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,"
            + " CASE WHEN a.attcollation <> t.typcollation THEN CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname"
            + " ELSE cn.nspname || '.' || co.collname END END AS collation,"
            + " a.attnotnull, CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS def,"
            + " a.attidentity, CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS gen"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " JOIN scope s ON s.oid = c.relnamespace JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
            + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
            + " LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND c.oid NOT IN (SELECT oid FROM excluded) ORDER BY a.attrelid, a.attnum";

    private static final String CONSTRAINTS = "SELECT con.conrelid, con.conname, con.contype,"
            + " ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY k(n, o)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[]"
            + " AS columns, pg_catalog.pg_get_constraintdef(con.oid) AS definition, con.condeferrable,"
            + " con.condeferred, con.convalidated, fs.nspname AS ref_schema, fc.relname AS ref_table,"
            + " ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY k(n, o)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[]"
            + " AS ref_columns, con.confupdtype, con.confdeltype, con.confmatchtype"
            + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
            + " JOIN scope s ON s.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid"
            + " LEFT JOIN pg_catalog.pg_namespace fs ON fs.oid = fc.relnamespace"
            + " WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p') AND con.conislocal"
            + " AND con.conparentid = 0 AND c.oid NOT IN (SELECT oid FROM excluded)"
            + " ORDER BY con.conrelid, con.conname";

    /** Indexes of tables and materialized views, but a partition's copy of its parent's. */
    static final String INDEXES = "SELECT i.indrelid, ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid) AS def,"
            + " i.indisunique, con.conname, am.amname, pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate"
            + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN scope s ON s.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_am am ON am.oid = ic.relam"
            + " LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
            + " AND con.contype IN ('p', 'u', 'x')"
            + " WHERE c.relkind IN ('r', 'p', 'm') AND c.oid NOT IN (SELECT oid FROM excluded)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)"
            + " ORDER BY i.indrelid, ic.relname";

    private TableReader() {
    }

    static List<Table> read(Connection c, SchemaIntrospector.Scope scope, Map<Long, List<Index>> indexes)
            throws SQLException {
        Map<Long, List<Column>> columns = new HashMap<>();
        CatalogQuery.list(c, scope, COLUMNS, rs -> columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new Column(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5) ? Nullability.NOT_NULL : Nullability.NULLABLE, rs.getString(6),
                        identity(rs.getString(7)), rs.getString(8))));
        Map<Long, List<Constraint>> constraints = new HashMap<>();
        CatalogQuery.list(c, scope, CONSTRAINTS, rs -> constraints.computeIfAbsent(rs.getLong(1),
                k -> new ArrayList<>()).add(constraint(rs)));
        List<Table> tables = new ArrayList<>(CatalogQuery.list(c, scope, TABLES, rs -> {
            long oid = rs.getLong(1);
            String parent = rs.getString("parent_name");
            Table.Partitioning partitioning = rs.getString("partition_key") == null && parent == null
                    ? Table.Partitioning.NONE
                    : new Table.Partitioning(rs.getString("partition_key"),
                    parent == null ? null : new ObjectName(rs.getString("parent_schema"), parent), rs.getString("bound"));
            return new Table(new ObjectName(rs.getString(2), rs.getString(3)), columns.getOrDefault(oid, List.of()),
                    constraints.getOrDefault(oid, List.of()), indexes.getOrDefault(oid, List.of()), partitioning);
        }));
        tables.sort((a, b) -> a.name().compareTo(b.name()));
        return tables;
    }

    /** Every index in scope, by the OID of its table or materialized view. */
    static Map<Long, List<Index>> indexes(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        Map<Long, List<Index>> byRelation = new HashMap<>();
        CatalogQuery.list(c, scope, INDEXES, rs -> byRelation.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new Index(rs.getString(2), rs.getString(3),
                        rs.getBoolean(4) ? Index.Uniqueness.UNIQUE : Index.Uniqueness.NON_UNIQUE, rs.getString(5),
                        rs.getString(6), rs.getString(7))));
        return byRelation;
    }

    private static Constraint constraint(java.sql.ResultSet rs) throws SQLException {
        Constraint.Kind kind = switch (rs.getString("contype")) {
            case "p" -> Constraint.Kind.PRIMARY_KEY;
            case "u" -> Constraint.Kind.UNIQUE;
            case "f" -> Constraint.Kind.FOREIGN_KEY;
            case "x" -> Constraint.Kind.EXCLUSION;
            default -> Constraint.Kind.CHECK;
        };
        Constraint.Deferral deferral = !rs.getBoolean("condeferrable") ? Constraint.Deferral.NOT_DEFERRABLE
                : rs.getBoolean("condeferred") ? Constraint.Deferral.DEFERRABLE_DEFERRED
                : Constraint.Deferral.DEFERRABLE_IMMEDIATE;
        Constraint.ForeignKey fk = kind != Constraint.Kind.FOREIGN_KEY ? null
                : new Constraint.ForeignKey(new ObjectName(rs.getString("ref_schema"), rs.getString("ref_table")),
                CatalogQuery.strings(rs, "ref_columns"), action(rs.getString("confupdtype")),
                action(rs.getString("confdeltype")), match(rs.getString("confmatchtype")));
        return new Constraint(rs.getString("conname"), kind, CatalogQuery.strings(rs, "columns"),
                CatalogQuery.withoutNotValid(rs.getString("definition")), deferral,
                rs.getBoolean("convalidated") ? Constraint.Validation.VALIDATED : Constraint.Validation.NOT_VALID, fk);
    }

    private static Column.Identity identity(String code) {
        return switch (code) {
            case "a" -> Column.Identity.ALWAYS;
            case "d" -> Column.Identity.BY_DEFAULT;
            default -> Column.Identity.NONE;
        };
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String match(String code) {
        return switch (code) {
            case "f" -> "FULL";
            case "p" -> "PARTIAL";
            default -> "SIMPLE";
        };
    }
}
