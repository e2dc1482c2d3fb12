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

    /**
     * The statement with {@code CONSTRAINT name} put before its first {@code ADD <keywords>} that
     * is SQL, not text inside a quoted name or a string ({@code ALTER TABLE "ADD CHECK" ADD CHECK
     * ...}); the name is inserted as it is, never read as a replacement pattern ({@code $1},
     * {@code \}). Null when there is no such {@code ADD}.
     */
    public static String nameConstraint(String sql, String keywordsRegex, String name) {
        Matcher m = Pattern.compile("(?i)\\bADD\\s+(?=" + keywordsRegex + ")").matcher(sql);
        while (m.find()) {
            if (!insideQuotes(sql, m.start())) {
                return sql.substring(0, m.end()) + "CONSTRAINT " + quote(name) + " " + sql.substring(m.end());
            }
        }
        return null;
    }

    /** Whether {@code at} falls inside a double-quoted name or a single-quoted string of the statement. */
    private static boolean insideQuotes(String sql, int at) {
        char open = 0;
        for (int i = 0; i < at; i++) {
            char c = sql.charAt(i);
            if (open == 0 && (c == '"' || c == '\'')) {
                open = c;
            } else if (c == open) {
                // a doubled quote inside stays inside: it opens again at once
                open = 0;
            }
        }
        return open != 0;
    }

    /** {@code CREATE [UNIQUE] INDEX} made {@code CONCURRENTLY}. */
    public static String concurrently(String createIndex) {
        return insertAfter(createIndex, "^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX", "CONCURRENTLY");
    }

    /** A name a fix derives ({@code <table>_<column>_<suffix>}), hash-shortened to 63 bytes. */
    public static String name(String table, String column, String suffix) {
        return dev.stepwise.postgres.statement.PostgresIdentifiers.derivedName(table, column, suffix);
    }

    /** An identifier as a fix writes it: bare where PostgreSQL reads it back unchanged, else quoted. */
    public static String quote(String identifier) {
        return dev.stepwise.postgres.statement.PostgresIdentifiers.quote(identifier);
    }

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
