package dev.stepwise.postgres.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mechanical rewrites lint offers as fixes: a keyword added, a statement split in the safe order. */
public final class Fixes {

    private Fixes() {
    }

    /** The statement with {@code word} added after the first match of {@code after} (case-insensitive). */
    public static String insertAfter(String sql, String afterRegex, String word) {
        Matcher m = Pattern.compile("(?is)" + afterRegex).matcher(sql);
        if (!m.find()) {
            return null;
        }
        return sql.substring(0, m.end()) + " " + word + sql.substring(m.end());
    }

    /** {@code CREATE [UNIQUE] INDEX} made {@code CONCURRENTLY}. */
    public static String concurrently(String createIndex) {
        return insertAfter(createIndex, "^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX", "CONCURRENTLY");
    }

    /**
     * A name a fix derives ({@code <table>_<column>_<suffix>}), shortened with a hash of the whole
     * to PostgreSQL's 63-byte limit, so two long names never shorten to the same one.
     */
    public static String name(String table, String column, String suffix) {
        String n = table + "_" + column + "_" + suffix;
        byte[] bytes = n.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 63) {
            return n;
        }
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes), 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        // keep whole characters within 63 - 9 bytes, then _ and 8 hex digits
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int cp : n.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (used + size > 63 - 9) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
        }
        return kept + "_" + hash;
    }

    /** An identifier as a fix writes it: bare where PostgreSQL reads it back unchanged, else quoted. */
    public static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(identifier) ? identifier
                : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** PostgreSQL's reserved key words (those that cannot name a table or column unquoted). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("all", "analyse", "analyze", "and", "any",
            "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint",
            "create", "current_catalog", "current_date", "current_role", "current_time", "current_timestamp",
            "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
            "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral",
            "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
            "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric",
            "system_user", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
            "when", "where", "window", "with");

    /** A table name as a fix writes it. */
    public static String table(dev.stepwise.postgres.statement.QualifiedName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    /**
     * Tokens written back as SQL: one space between words, none inside parentheses or before a
     * comma, so {@code gen_random_uuid ( )} reads {@code gen_random_uuid()}.
     */
    public static String tokens(java.util.List<String> tokens) {
        StringBuilder s = new StringBuilder();
        String previous = null;
        for (String t : tokens) {
            boolean glue = previous == null || previous.equals("(") || previous.equals(".") || previous.equals("::")
                    || t.equals(")") || t.equals(",") || t.equals(".") || t.equals("::")
                    || t.equals("(") && previous.matches("[A-Za-z_][A-Za-z0-9_$]*|\".*\"");
            s.append(glue ? "" : " ").append(t);
            previous = t;
        }
        return s.toString();
    }
}
