package dev.stepwise.postgres;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Quoting of identifiers and literals the way PostgreSQL reads them. */
final class PostgresIdentifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** Reserved words that must be quoted even when lowercase (a conservative subset). */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
            "cast", "check", "collate", "column", "constraint", "create", "current_catalog", "current_date",
            "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from",
            "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
            "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing",
            "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
            "window", "with", "authorization", "binary", "collation", "concurrently", "cross", "freeze",
            "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer",
            "overlaps", "right", "similar", "tablesample", "verbose");

    private PostgresIdentifiers() {
    }

    /** The identifier as written in SQL: bare when PostgreSQL would read it back unchanged. */
    static String quote(String identifier) {
        if (PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier.toLowerCase(Locale.ROOT))) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A standard string literal ({@code standard_conforming_strings} is on since PostgreSQL 9.1). */
    static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot contain NUL characters");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
