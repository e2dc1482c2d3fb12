package dev.stepwise.it;

import dev.stepwise.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;

/**
 * What a database is, as lines that compare: every user table's columns, indexes (with their
 * validity), constraints (with whether they are validated), enum labels in order, partitions
 * (with a pending detach), the rows of every table (as a digest) and Stepwise's version rows.
 * Two databases migrated the same way produce the same snapshot.
 */
public final class CatalogSnapshot {

    private static final String USER_RELATIONS = " n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
            + " AND c.relname NOT LIKE 'stepwise\\_%'";

    private CatalogSnapshot() {
    }

    public static List<String> of(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        lines.addAll(db.column("SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                + " WHERE c.relkind IN ('r', 'p') AND" + USER_RELATIONS + " ORDER BY 1"));
        lines.addAll(db.column("SELECT 'index ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN ''"
                + " ELSE ' INVALID' END FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE" + USER_RELATIONS + " ORDER BY 1"));
        lines.addAll(db.column("SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)"
                + " || CASE WHEN k.convalidated THEN '' ELSE ' (not validated)' END"
                + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE" + USER_RELATIONS + " ORDER BY 1"));
        lines.addAll(db.column("SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1"));
        lines.addAll(db.column("SELECT 'partition ' || p.relname || ' of ' || c.relname"
                + " || CASE WHEN i.inhdetachpending THEN ' (detach pending)' ELSE '' END"
                + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent JOIN pg_class p ON p.oid = i.inhrelid ORDER BY 1"));
        for (String table : db.column("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = 'r' AND" + USER_RELATIONS + " ORDER BY 1")) {
            lines.add("rows " + table + " " + db.value("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|'"
                    + " ORDER BY t::text)), '-') FROM " + table + " t"));
        }
        lines.addAll(db.column("SELECT 'version ' || revision FROM stepwise_version ORDER BY 1"));
        return lines;
    }
}
