package dev.stepwise.sql;

import java.io.StringReader;

/**
 * Turns a statement written with JDBC's {@code ?} placeholders into the numbered {@code $1},
 * {@code $2}, ... form the server prepares, so statements from application code and from
 * {@code pg_stat_statements} (which already shows {@code $n}) are described alike.
 *
 * <p>A {@code ?} counts as a placeholder where the driver would count it: outside literals,
 * quoted identifiers, dollar bodies and comments; {@code ??} is JDBC's escape for the
 * {@code ?} operator (jsonb's key test). A statement that already has {@code $n} parameters is
 * left as written: there a {@code ?} can only be that operator.
 */
public final class JdbcPlaceholders {

    private JdbcPlaceholders() {
    }

    /** The statement with every JDBC placeholder numbered in order of appearance. */
    public static String numbered(String sql) {
        if (hasNumberedParameters(sql)) {
            return sql;
        }
        return replaced(sql, n -> "$" + (n + 1));
    }

    /**
     * The statement with each placeholder replaced by the SQL text of its value, in order, for a
     * script that runs without the driver ({@code upgrade --sql}); a {@code ?} inside a quoted name
     * ({@code "a?"}, Stepwise's own tables may be so named) or a literal stays as it is.
     *
     * @throws IllegalArgumentException when the statement has another number of placeholders
     */
    public static String bound(String sql, java.util.List<String> values) {
        int[] count = new int[1];
        String out = replaced(sql, n -> {
            if (n == values.size()) {
                throw new IllegalArgumentException("more than " + values.size() + " placeholders in " + sql);
            }
            count[0] = n + 1;
            return values.get(n);
        });
        if (count[0] != values.size()) {
            throw new IllegalArgumentException("expected " + values.size() + " placeholders in " + sql);
        }
        return out;
    }

    /**
     * The statement with its {@code n}-th placeholder (from 0) replaced by {@code replacement(n)},
     * found the way the driver finds them: outside names, literals and comments, with {@code ??}
     * an escaped question mark.
     */
    private static String replaced(String sql, java.util.function.IntFunction<String> replacement) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int next = 0;
        SqlLexer lexer = new SqlLexer(new StringReader(sql), text -> false);
        for (SqlToken t = lexer.next(); t != null; t = lexer.next()) {
            if (t.kind() != SqlToken.Kind.OPERATOR || t.text().indexOf('?') < 0) {
                out.append(t.text());
                continue;
            }
            // the lexer joins neighbouring operator characters (=? is one token), the driver does not
            String text = t.text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '?' && i + 1 < text.length() && text.charAt(i + 1) == '?') {
                    out.append('?');
                    i++;
                } else if (c == '?') {
                    // apart from the operator characters around it, or =$1 would lex as one operator
                    out.append(i > 0 ? " " : "").append(replacement.apply(next++)).append(i + 1 < text.length() ? " " : "");
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static boolean hasNumberedParameters(String sql) {
        SqlLexer lexer = new SqlLexer(new StringReader(sql), text -> false);
        for (SqlToken t = lexer.next(); t != null; t = lexer.next()) {
            if (t.kind() == SqlToken.Kind.PARAMETER) {
                return true;
            }
        }
        return false;
    }
}
