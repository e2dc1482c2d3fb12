package dev.stepwise.postgres.generate;

import dev.stepwise.StepwiseException;
import dev.stepwise.expand.GeneratorArgument.Name;
import dev.stepwise.expand.GeneratorRequest.TablePath;
import dev.stepwise.postgres.statement.PostgresIdentifiers;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a {@link TableShape} with a fixed handful of catalog queries. */
final class TableShapes {

    private static final String TABLE = "SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)";

    private static final String COLUMNS = "SELECT a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN"
            + " (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM pg_catalog.pg_collation co"
            + " JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,"
            + " a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated <> '',"
            + " (SELECT quote_ident(sn.nspname) || '.' || quote_ident(s.relname) FROM pg_catalog.pg_depend dep"
            + " JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'"
            + " JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace"
            + " WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = a.attrelid"
            + " AND dep.refobjsubid = a.attnum AND dep.deptype = 'a' LIMIT 1)"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private static final String INDEXES = "SELECT ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid),"
            + " ARRAY(SELECT k FROM unnest(i.indkey::int2[]) k WHERE k > 0"
            + " UNION SELECT dep.refobjsubid FROM pg_catalog.pg_depend dep"
            + " WHERE dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = i.indrelid"
            + " AND dep.refobjsubid > 0 AND (dep.classid, dep.objid) IN (('pg_catalog.pg_class'::regclass, i.indexrelid),"
            + " ('pg_catalog.pg_constraint'::regclass, coalesce(con.oid, 0))))::int[],"
            + " con.conname, coalesce(con.contype, ' '),"
            + " CASE WHEN con.condeferrable THEN 'DEFERRABLE INITIALLY ' || CASE WHEN con.condeferred THEN 'DEFERRED'"
            + " ELSE 'IMMEDIATE' END ELSE '' END, i.indisprimary, pg_catalog.pg_get_constraintdef(con.oid)"
            + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
            + " LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
            + " AND con.contype IN ('p', 'u', 'x')"
            + " WHERE i.indrelid = ? ORDER BY ic.relname";

    private static final String CONSTRAINTS = "SELECT conname, contype, pg_catalog.pg_get_constraintdef(oid),"
            + " coalesce(conkey, '{}')::int[], convalidated FROM pg_catalog.pg_constraint"
            + " WHERE conrelid = ? AND contype IN ('c', 'f') ORDER BY conname";

    private static final String REFERENCED_BY = "SELECT conname, conrelid::regclass::text, confkey::int[], conrelid = confrelid"
            + " FROM pg_catalog.pg_constraint WHERE confrelid = ? AND contype = 'f' ORDER BY conname";

    /** Objects using a column, but for the ones read above and the column's own default and sequence. */
    private static final String DEPENDENTS = "SELECT d.refobjsubid, pg_catalog.pg_describe_object(d.classid, d.objid,"
            + " d.objsubid) FROM pg_catalog.pg_depend d"
            + " WHERE d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = ? AND d.refobjsubid > 0"
            + " AND d.classid NOT IN ('pg_catalog.pg_constraint'::regclass, 'pg_catalog.pg_attrdef'::regclass)"
            + " AND NOT (d.classid = 'pg_catalog.pg_class'::regclass AND (d.objid = d.refobjid"
            + " AND d.deptype <> 'n' OR EXISTS (SELECT 1 FROM pg_catalog.pg_class o WHERE o.oid = d.objid"
            + " AND o.relkind IN ('i', 'I', 'S'))))"
            + " ORDER BY 1, 2";

    private static final String ACL = "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END,"
            + " a.privilege_type, a.is_grantable FROM pg_catalog.pg_class c"
            + " CROSS JOIN LATERAL aclexplode(c.relacl) a LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee"
            + " WHERE c.oid = ? AND a.grantee <> c.relowner ORDER BY 1, 2";

    private TableShapes() {
    }

    /**
     * The name as PostgreSQL reads it: unquoted names fold to lower case (ASCII letters only, as
     * the server does), and every name is cut to the 63 bytes the server keeps, so a name written
     * in full finds the column that was made with it.
     */
    static String fold(Name name) {
        return PostgresIdentifiers.stored(name.folded());
    }

    /** The table, or a bad-input error saying it does not exist at the parent revision. */
    static TableShape read(Connection c, TablePath path) throws SQLException {
        String sql = (path.schema() == null ? "" : PostgresIdentifiers.quote(fold(path.schema())) + ".")
                + PostgresIdentifiers.quote(fold(path.table()));
        long oid;
        String schema;
        String name;
        char kind;
        try (PreparedStatement s = c.prepareStatement(TABLE)) {
            s.setString(1, sql);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "table " + path
                            + " does not exist once the migrations before the new revision are applied");
                }
                oid = rs.getLong(1);
                schema = rs.getString(2);
                name = rs.getString(3);
                kind = rs.getString(4).charAt(0);
            }
        }
        if (kind != 'r' && kind != 'p') {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, path + " is not a table (it is a "
                    + switch (kind) {
                        case 'v' -> "view";
                        case 'm' -> "materialized view";
                        case 'S' -> "sequence";
                        case 'f' -> "foreign table";
                        default -> "relation of kind " + kind;
                    } + ")");
        }
        List<TableShape.Column> columns = new ArrayList<>();
        query(c, COLUMNS, oid, rs -> columns.add(new TableShape.Column(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getString(6), blank(rs.getString(7)), rs.getBoolean(8),
                rs.getString(9))));
        List<TableShape.Index> indexes = new ArrayList<>();
        List<Integer> primaryKey = new ArrayList<>();
        query(c, INDEXES, oid, rs -> {
            indexes.add(new TableShape.Index(rs.getString(1), rs.getString(2), ints(rs.getArray(3)), rs.getString(4),
                    rs.getString(5).charAt(0), rs.getString(6), rs.getString(8)));
            if (rs.getBoolean(7)) {
                primaryKey.addAll(ints(rs.getArray(3)));
            }
        });
        List<TableShape.Constraint> constraints = new ArrayList<>();
        query(c, CONSTRAINTS, oid, rs -> constraints.add(new TableShape.Constraint(rs.getString(1),
                rs.getString(2).charAt(0), rs.getString(3), ints(rs.getArray(4)), rs.getBoolean(5))));
        List<TableShape.ForeignKeyIn> referencedBy = new ArrayList<>();
        query(c, REFERENCED_BY, oid, rs -> referencedBy.add(new TableShape.ForeignKeyIn(rs.getString(1),
                rs.getString(2), ints(rs.getArray(3)), rs.getBoolean(4))));
        List<TableShape.Dependent> dependents = new ArrayList<>();
        query(c, DEPENDENTS, oid, rs -> dependents.add(new TableShape.Dependent(rs.getInt(1), rs.getString(2))));
        List<TableShape.Grant> acl = new ArrayList<>();
        query(c, ACL, oid, rs -> acl.add(new TableShape.Grant(rs.getString(1), rs.getString(2), rs.getBoolean(3))));
        return new TableShape(oid, schema, name, kind, columns, primaryKey, indexes, constraints, referencedBy,
                dependents, acl);
    }

    /** What depends on the table as a whole (views that read it, for one), as {@code pg_describe_object} names it. */
    static List<String> tableDependents(Connection c, long oid) throws SQLException {
        List<String> out = new ArrayList<>();
        query(c, "SELECT DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)"
                + " FROM pg_catalog.pg_depend d WHERE d.refclassid = 'pg_catalog.pg_class'::regclass"
                + " AND d.refobjid = ? AND d.deptype = 'n' AND d.classid <> 'pg_catalog.pg_constraint'::regclass"
                + " AND d.classid <> 'pg_catalog.pg_class'::regclass ORDER BY 1", oid, rs -> out.add(rs.getString(1)));
        return out;
    }

    /** The table as {@code pg_describe_object} names it ({@code table "Sales"."Order Items"}), quoted its way. */
    static String describe(Connection c, long oid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT pg_catalog.pg_describe_object('pg_catalog.pg_class'::regclass, ?::oid, 0)")) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Whether a relation of this name exists in the schema (index, table, view, sequence). */
    static boolean relationExists(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(name));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Whether a function of this name (any arguments) exists in the schema. */
    static boolean functionExists(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? AND p.proname = ?)")) {
            s.setString(1, schema);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, long oid, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static Set<Integer> ints(Array array) throws SQLException {
        Set<Integer> out = new LinkedHashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(((Number) o).intValue());
        }
        return out;
    }

    private static char blank(String s) {
        return s == null || s.isEmpty() ? ' ' : s.toLowerCase(Locale.ROOT).charAt(0);
    }
}
