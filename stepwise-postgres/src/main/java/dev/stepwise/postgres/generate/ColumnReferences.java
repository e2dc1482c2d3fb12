package dev.stepwise.postgres.generate;

import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.sql.IdentifierRewrite;

import java.util.Locale;
import java.util.Set;

/**
 * Points SQL that PostgreSQL wrote about a table (an index definition, a check, a foreign key, a
 * default) at another column: every reference to the column becomes the replacement, and nothing
 * else changes. A word is a column reference unless it is a function name (followed by
 * {@code (}), a type after {@code ::}, a collation, the part after a dot, or a keyword position
 * such as {@code NULLS FIRST}.
 */
final class ColumnReferences {

    private static final Set<String> NOT_BEFORE_COLUMN = Set.of("::", ".", "COLLATE", "NULLS", "USING");

    private ColumnReferences() {
    }

    /** In an expression ({@code CHECK (...)}, a default, a conversion). */
    static String inExpression(String sql, String column, String replacement) {
        return IdentifierRewrite.apply(sql, (token, previous, next) ->
                isReference(token, previous, next, column) ? replacement : null);
    }

    /**
     * In {@code pg_get_indexdef}'s output, renamed: the index name becomes {@code newIndex}, the
     * build {@code CONCURRENTLY}, and column references after {@code USING method} are replaced.
     */
    static String inIndex(String definition, String column, String replacement, String newIndex) {
        boolean[] afterUsing = {false};
        boolean[] named = {false};
        String rewritten = IdentifierRewrite.apply(definition, (token, previous, next) -> {
            if (!named[0] && previous.equalsIgnoreCase("INDEX")) {
                named[0] = true;
                return "CONCURRENTLY " + newIndex;
            }
            if (!afterUsing[0]) {
                if (token.equalsIgnoreCase("USING")) {
                    afterUsing[0] = true;
                }
                return null;
            }
            return isReference(token, previous, next, column) ? replacement : null;
        });
        return rewritten;
    }

    /** In a foreign key's definition: only in its own column list, before {@code REFERENCES}. */
    static String inForeignKey(String definition, String column, String replacement) {
        boolean[] referencing = {false};
        return IdentifierRewrite.apply(definition, (token, previous, next) -> {
            if (token.equalsIgnoreCase("REFERENCES")) {
                referencing[0] = true;
            }
            return !referencing[0] && isReference(token, previous, next, column) ? replacement : null;
        });
    }

    private static boolean isReference(String token, String previous, String next, String column) {
        if (next.equals("(") || next.equals(".") || NOT_BEFORE_COLUMN.contains(previous.toUpperCase(Locale.ROOT))) {
            return false;
        }
        return QualifiedName.identifier(token).equals(column)
                && (token.startsWith("\"") || column.equals(column.toLowerCase(Locale.ROOT)));
    }
}
