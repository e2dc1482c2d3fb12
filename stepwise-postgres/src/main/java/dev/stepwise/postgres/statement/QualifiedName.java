package dev.stepwise.postgres.statement;

import java.util.Locale;

/**
 * A possibly schema-qualified name as PostgreSQL reads it: unquoted parts folded to lower case,
 * quoted parts exact.
 *
 * @param schema the schema, or null when the name is not qualified (resolved by {@code search_path})
 */
public record QualifiedName(String schema, String name) {

    /** The name as it reads in SQL, each part quoted where it must be: safe to splice into generated statements. */
    public String sql() {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** A literal naming it, for {@code to_regclass} and friends. */
    public String regclassLiteral() {
        return PostgresIdentifiers.literal(sql());
    }

    private static String quote(String identifier) {
        return PostgresIdentifiers.quote(identifier);
    }

    /** One identifier token as PostgreSQL resolves it: unquoted ones folded, every one cut to the 63 bytes it keeps. */
    public static String identifier(String token) {
        if (token.startsWith("\"")) {
            return PostgresIdentifiers.stored(token.substring(1, token.length() - 1).replace("\"\"", "\""));
        }
        if (token.regionMatches(true, 0, "U&\"", 0, 3)) {
            return PostgresIdentifiers.stored(token.substring(3, token.length() - 1).replace("\"\"", "\""));
        }
        return PostgresIdentifiers.stored(token.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
