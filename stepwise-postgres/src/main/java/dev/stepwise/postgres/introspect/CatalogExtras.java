package dev.stepwise.postgres.introspect;

import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.schema.Comment;
import dev.stepwise.schema.Extension;
import dev.stepwise.schema.Unmodelled;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The schemas themselves, extensions, comments, and what the model leaves out, named. */
final class CatalogExtras {

    private static final String SCHEMAS = "SELECT nspname FROM scope ORDER BY 1";

    private static final String EXTENSIONS = "SELECT e.extname, n.nspname, e.extversion FROM pg_catalog.pg_extension e"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace ORDER BY 1";

    private static final String COMMENTS = "SELECT o.type, o.identity, a.object_names, a.object_args, d.description"
            + " FROM pg_catalog.pg_description d, LATERAL pg_catalog.pg_identify_object(d.classoid, d.objoid, d.objsubid) o,"
            + " LATERAL pg_catalog.pg_identify_object_as_address(d.classoid, d.objoid, d.objsubid) a"
            // pg_identify_object quotes the schema where it must be quoted ("Sales"), as quote_ident does
            + " WHERE (o.schema IN (SELECT quote_ident(nspname) FROM scope)"
            + " OR d.classoid = 'pg_catalog.pg_namespace'::regclass AND d.objoid IN (SELECT oid FROM scope))"
            + " AND NOT (d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid IN (SELECT oid FROM excluded))"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = d.classoid"
            + " AND e.objid = d.objoid AND e.deptype = 'e')"
            // constraints' comments are identified by their table; indexes' by their own name
            + " ORDER BY 1, 2";

    private static String notExtension(String catalog, String oid) {
        return " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog." + catalog
                + "'::regclass AND e.objid = " + oid + " AND e.deptype = 'e')";
    }

    /** Kinds of object the model does not cover, so that a diff can say it left them alone. */
    private static final String UNMODELLED = "SELECT 'policy' AS kind, p.polname || ' on ' || s.nspname || '.' || c.relname"
            + " FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid"
            + " JOIN scope s ON s.oid = c.relnamespace"
            + " UNION ALL SELECT 'row level security', s.nspname || '.' || c.relname FROM pg_catalog.pg_class c"
            + " JOIN scope s ON s.oid = c.relnamespace WHERE c.relrowsecurity AND c.oid NOT IN (SELECT oid FROM excluded)"
            + " UNION ALL SELECT 'rule', r.rulename || ' on ' || s.nspname || '.' || c.relname"
            + " FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class"
            + " JOIN scope s ON s.oid = c.relnamespace WHERE r.rulename <> '_RETURN'"
            + " UNION ALL SELECT CASE t.typtype WHEN 'c' THEN 'composite type' WHEN 'r' THEN 'range type'"
            + " WHEN 'm' THEN 'multirange type' ELSE 'base type' END, s.nspname || '.' || t.typname"
            + " FROM pg_catalog.pg_type t JOIN scope s ON s.oid = t.typnamespace"
            + " LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid"
            + " WHERE (t.typtype = 'c' AND c.relkind = 'c' OR t.typtype IN ('r', 'm')"
            + " OR t.typtype = 'b' AND t.typelem = 0 AND t.typcategory <> 'A')"
            + notExtension("pg_type", "t.oid")
            + " UNION ALL SELECT 'foreign table', s.nspname || '.' || c.relname FROM pg_catalog.pg_class c"
            + " JOIN scope s ON s.oid = c.relnamespace WHERE c.relkind = 'f' AND c.oid NOT IN (SELECT oid FROM excluded)"
            + " UNION ALL SELECT 'table inheritance', s.nspname || '.' || c.relname FROM pg_catalog.pg_inherits i"
            + " JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid JOIN scope s ON s.oid = c.relnamespace"
            + " WHERE NOT c.relispartition AND c.relkind IN ('r', 'p')"
            + " UNION ALL SELECT 'statistics object', s.nspname || '.' || x.stxname FROM pg_catalog.pg_statistic_ext x"
            + " JOIN scope s ON s.oid = x.stxnamespace"
            + " UNION ALL SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END,"
            + " s.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'"
            + " FROM pg_catalog.pg_proc p JOIN scope s ON s.oid = p.pronamespace WHERE p.prokind IN ('a', 'w')"
            + notExtension("pg_proc", "p.oid")
            + " UNION ALL SELECT 'operator', s.nspname || '.' || o.oprname FROM pg_catalog.pg_operator o"
            + " JOIN scope s ON s.oid = o.oprnamespace" + notExtension("pg_operator", "o.oid")
            + " UNION ALL SELECT 'collation', s.nspname || '.' || co.collname FROM pg_catalog.pg_collation co"
            + " JOIN scope s ON s.oid = co.collnamespace" + notExtension("pg_collation", "co.oid")
            + " UNION ALL SELECT 'event trigger', evtname FROM pg_catalog.pg_event_trigger"
            + " ORDER BY 1, 2";

    private CatalogExtras() {
    }

    static List<String> schemas(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, SCHEMAS, rs -> rs.getString(1));
    }

    static List<Extension> extensions(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, EXTENSIONS, rs -> new Extension(rs.getString(1), rs.getString(2),
                rs.getString(3)));
    }

    static List<Comment> comments(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, COMMENTS, rs -> new Comment(rs.getString(1), rs.getString(2),
                CatalogQuery.strings(rs, "object_names"), CatalogQuery.strings(rs, "object_args"), rs.getString(5)));
    }

    static List<Unmodelled> unmodelled(Connection c, SchemaIntrospector.Scope scope) throws SQLException {
        return CatalogQuery.list(c, scope, UNMODELLED, rs -> new Unmodelled(rs.getString(1), rs.getString(2)));
    }
}
