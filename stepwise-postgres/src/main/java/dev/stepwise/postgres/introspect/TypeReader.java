package dev.stepwise.postgres.introspect;

import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.schema.ColumnRef;
import dev.stepwise.schema.Domain;
import dev.stepwise.schema.EnumType;
import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Sequence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Enum types, domains and sequences: one query each. */
final class TypeReader {

    private static final String NOT_EXTENSION_TYPE = " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e"
            + " WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')";

    private static final String ENUMS = "SELECT s.nspname, t.typname, ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e"
            + " WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS labels"
            + " FROM pg_catalog.pg_type t JOIN scope s ON s.oid = t.typnamespace WHERE t.typtype = 'e'"
            + NOT_EXTENSION_TYPE + " ORDER BY 1, 2";

    private static final String DOMAIN_CHECKS = " FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid"
            + " AND k.contype = 'c' ORDER BY k.conname)::text[]";

    private static final String DOMAINS = "SELECT s.nspname, t.typname,"
            + " pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base, t.typnotnull, t.typdefault,"
            + " CASE WHEN t.typcollation <> b.typcollation THEN co.collname END AS collation,"
            + " ARRAY(SELECT k.conname" + DOMAIN_CHECKS + " AS names,"
            + " ARRAY(SELECT pg_catalog.pg_get_constraintdef(k.oid)" + DOMAIN_CHECKS + " AS defs,"
            + " ARRAY(SELECT k.convalidated::text" + DOMAIN_CHECKS + " AS validated"
            + " FROM pg_catalog.pg_type t JOIN scope s ON s.oid = t.typnamespace"
            + " JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype"
            + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation"
            + " WHERE t.typtype = 'd'" + NOT_EXTENSION_TYPE + " ORDER BY 1, 2";

    /** Sequences but an identity column's own (that is part of the column). */
    private static final String SEQUENCES = "SELECT s.nspname, c.relname, pg_catalog.format_type(q.seqtypid, NULL),"
            + " q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcache, q.seqcycle,"
            + " ts.nspname AS owner_schema, tc.relname AS owner_table, a.attname AS owner_column"
            + " FROM pg_catalog.pg_sequence q JOIN pg_catalog.pg_class c ON c.oid = q.seqrelid"
            + " JOIN scope s ON s.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid"
            + " AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a'"
            + " LEFT JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid"
            + " LEFT JOIN pg_catalog.pg_namespace ts ON ts.oid = tc.relnamespace"
            + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
            + " WHERE c.oid NOT IN (SELECT oid FROM excluded) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i"
            + " WHERE i.classid = 'pg_catalog.pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i')"
            + " ORDER BY 1, 2";

    private TypeReader() {
    }

    static List<EnumType> enums(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, ENUMS, rs -> new EnumType(new ObjectName(rs.getString(1), rs.getString(2)),
                CatalogQuery.strings(rs, "labels")));
    }

    static List<Domain> domains(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, DOMAINS, rs -> {
            List<String> names = CatalogQuery.strings(rs, "names");
            List<String> defs = CatalogQuery.strings(rs, "defs");
            List<String> validated = CatalogQuery.strings(rs, "validated");
            List<Domain.Check> checks = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                checks.add(new Domain.Check(names.get(i), CatalogQuery.withoutNotValid(defs.get(i)),
                        "true".equals(validated.get(i))));
            }
            return new Domain(new ObjectName(rs.getString(1), rs.getString(2)), rs.getString(3),
                    rs.getBoolean(4) ? Nullability.NOT_NULL : Nullability.NULLABLE, rs.getString(5), rs.getString(6),
                    checks);
        });
    }

    static List<Sequence> sequences(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, SEQUENCES, rs -> {
            String ownerTable = rs.getString("owner_table");
            ColumnRef owner = ownerTable == null ? null
                    : new ColumnRef(new ObjectName(rs.getString("owner_schema"), ownerTable), rs.getString("owner_column"));
            return new Sequence(new ObjectName(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                    rs.getBoolean(9) ? Sequence.Cycle.CYCLE : Sequence.Cycle.NO_CYCLE, owner);
        });
    }
}
