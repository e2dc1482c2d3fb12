package dev.stepwise.postgres.statement;

import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifiers and literals the way PostgreSQL reads them, and the names Stepwise derives (for
 * triggers, copied indexes and checks): the one place SQL text is made from a name.
 */
public final class PostgresIdentifiers {

    /** PostgreSQL's limit on an identifier, in bytes ({@code NAMEDATALEN - 1}). */
    public static final int MAX_NAME_BYTES = 63;

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * Words that must be quoted even when lowercase: PostgreSQL's reserved keywords and those it
     * allows only as a type or function name (its {@code R} and {@code T} categories in
     * {@code pg_get_keywords()}), as of PostgreSQL 17 ({@code system_user} became reserved in 16).
     */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
            "cast", "check", "collate", "column", "constraint", "create", "current_catalog", "current_date",
            "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from",
            "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
            "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing",
            "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table",
            "system_user", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when",
            "where", "window", "with", "authorization", "binary", "collation", "concurrently", "cross",
            "current_schema", "freeze",
            "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer",
            "overlaps", "right", "similar", "tablesample", "verbose");

    private PostgresIdentifiers() {
    }

    /** The identifier as written in SQL: bare when PostgreSQL would read it back unchanged. */
    public static String quote(String identifier) {
        if (!Faults.kept(Guarantee.IDENTIFIER_QUOTING)) {
            return identifier;
        }
        if (PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier.toLowerCase(Locale.ROOT))) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * A string literal that reads the same whatever {@code standard_conforming_strings} is: a
     * value with a backslash is written as an escape string ({@code E'a\\b'}), as libpq's
     * {@code PQescapeLiteral} does, since with the setting off (a database may still set it so) a
     * backslash in a plain literal would escape the quote after it and end the string elsewhere.
     */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot contain NUL characters");
        }
        String quoted = value.replace("'", "''");
        return value.indexOf('\\') < 0 ? "'" + quoted + "'" : "E'" + quoted.replace("\\", "\\\\") + "'";
    }

    /**
     * The name PostgreSQL keeps of an identifier: its first 63 bytes, cut where a character ends,
     * as the server's lexer cuts every name it reads ({@code "a...z"} of 70 bytes and its first
     * 63 bytes are one name).
     */
    public static String stored(String identifier) {
        return prefix(identifier, MAX_NAME_BYTES);
    }

    /** The longest prefix of whole characters within {@code maxBytes} bytes of UTF-8. */
    private static String prefix(String s, int maxBytes) {
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int cp : s.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (used + size > maxBytes) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
        }
        return kept.toString();
    }

    /**
     * A name derived from others ({@code <table>_<column>_<suffix>}), shortened with a hash of the
     * whole to {@value #MAX_NAME_BYTES} bytes when longer: PostgreSQL would cut it silently, and
     * two long names cut to the same prefix would collide. Characters are kept whole (a multibyte
     * one is never split).
     */
    public static String derivedName(String... parts) {
        String n = String.join("_", parts);
        byte[] bytes = n.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= MAX_NAME_BYTES || !Faults.kept(Guarantee.DERIVED_NAME_LENGTH)) {
            return n;
        }
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes), 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        // whole characters within 63 - 9 bytes, then _ and 8 hex digits
        return prefix(n, MAX_NAME_BYTES - 9) + "_" + hash;
    }
}
