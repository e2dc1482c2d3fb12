package dev.stepwise.sql;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces identifiers in a piece of SQL (an index definition, a check, a default) token by token,
 * keeping everything else, comments and spacing included, exactly as written: how the generators
 * point a copied index or constraint at a new column without re-implementing SQL.
 */
public final class IdentifierRewrite {

    /** Decides, for one identifier token, what to write instead. */
    public interface Replacer {

        /**
         * @param token    the identifier as written (quoted ones with their quotes)
         * @param previous the significant token before it, or "" at the start
         * @param next     the significant token after it, or "" at the end
         * @return the replacement text, or null to keep the token
         */
        String replace(String token, String previous, String next);
    }

    private IdentifierRewrite() {
    }

    /** The SQL with every word and quoted identifier passed through {@code replacer}. */
    public static String apply(String sql, Replacer replacer) {
        SqlLexer lexer = new SqlLexer(new StringReader(sql), text -> false);
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlToken t = lexer.next(); t != null; t = lexer.next()) {
            tokens.add(t);
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        String previous = "";
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            String text = t.text();
            if (t.kind() == SqlToken.Kind.WORD || t.kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
                String replaced = replacer.replace(text, previous, nextSignificant(tokens, i + 1));
                out.append(replaced != null ? replaced : text);
            } else {
                out.append(text);
            }
            if (!t.isTrivia()) {
                previous = text;
            }
        }
        return out.toString();
    }

    private static String nextSignificant(List<SqlToken> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (!tokens.get(i).isTrivia()) {
                return tokens.get(i).text();
            }
        }
        return "";
    }
}
