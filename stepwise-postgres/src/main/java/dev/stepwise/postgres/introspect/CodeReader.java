package dev.stepwise.postgres.introspect;

import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Routine;
import dev.stepwise.schema.Trigger;
import dev.stepwise.schema.View;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Views and materialized views, functions and procedures, and triggers, in PostgreSQL's own text. */
final class CodeReader {

    private static final String VIEWS = "SELECT c.oid, s.nspname, c.relname, c.relkind,"
            + " pg_catalog.pg_get_viewdef(c.oid, true) AS definition,"
            + " ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
            + " AND NOT a.attisdropped ORDER BY a.attnum)::text[] AS columns,"
            // the relations its rewrite rule reads, each as schema and name joined by a unit separator
            + " ARRAY(SELECT DISTINCT rn.nspname || chr(31) || rc.relname FROM pg_catalog.pg_rewrite r"
            + " JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid"
            + " AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> c.oid"
            + " JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace"
            + " WHERE r.ev_class = c.oid ORDER BY 1)::text[] AS depends_on"
            + " FROM pg_catalog.pg_class c JOIN scope s ON s.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND c.oid NOT IN (SELECT oid FROM excluded) ORDER BY 2, 3";

    private static final String ROUTINES = "SELECT s.nspname, p.proname,"
            + " pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments, p.prokind,"
            + " pg_catalog.pg_get_functiondef(p.oid) AS definition"
            + " FROM pg_catalog.pg_proc p JOIN scope s ON s.oid = p.pronamespace WHERE p.prokind IN ('f', 'p')"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_proc'::regclass"
            + " AND e.objid = p.oid AND e.deptype = 'e') ORDER BY 1, 2, 3";

    /** User triggers, but a partition's clones of its parent's. */
    private static final String TRIGGERS = "SELECT s.nspname, c.relname, t.tgname,"
            + " pg_catalog.pg_get_triggerdef(t.oid, true) AS definition, t.tgenabled"
            + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
            + " JOIN scope s ON s.oid = c.relnamespace WHERE NOT t.tgisinternal AND t.tgparentid = 0"
            + " AND c.oid NOT IN (SELECT oid FROM excluded) ORDER BY 1, 2, 3";

    private CodeReader() {
    }

    static List<View> views(Connection c, SchemaIntrospector.Scope scope, Map<Long, List<Index>> indexes)
            throws SQLException {
        return CatalogQuery.list(c, scope, VIEWS, rs -> new View(new ObjectName(rs.getString(2), rs.getString(3)),
                "m".equals(rs.getString(4)) ? View.Kind.MATERIALIZED : View.Kind.VIEW, rs.getString(5),
                CatalogQuery.strings(rs, "columns"), indexes.getOrDefault(rs.getLong(1), List.of()),
                CatalogQuery.strings(rs, "depends_on").stream().map(CodeReader::relation).toList()));
    }

    private static ObjectName relation(String schemaAndName) {
        int separator = schemaAndName.indexOf('\u001f');
        return new ObjectName(schemaAndName.substring(0, separator), schemaAndName.substring(separator + 1));
    }

    static List<Routine> routines(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, ROUTINES, rs -> new Routine(new ObjectName(rs.getString(1),
                rs.getString(2)), rs.getString(3), "p".equals(rs.getString(4)) ? Routine.Kind.PROCEDURE
                : Routine.Kind.FUNCTION, rs.getString(5)));
    }

    static List<Trigger> triggers(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, TRIGGERS, rs -> new Trigger(new ObjectName(rs.getString(1),
                rs.getString(2)), rs.getString(3), rs.getString(4), firing(rs.getString(5))));
    }

    private static Trigger.Firing firing(String code) {
        return switch (code) {
            case "D" -> Trigger.Firing.DISABLED;
            case "R" -> Trigger.Firing.REPLICA;
            case "A" -> Trigger.Firing.ALWAYS;
            default -> Trigger.Firing.ENABLED;
        };
    }
}
