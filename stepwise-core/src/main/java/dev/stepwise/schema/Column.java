package dev.stepwise.schema;

/**
 * A column as the catalog describes it.
 *
 * @param type         the type with its modifiers, as {@code format_type} prints it ({@code numeric(12,3)})
 * @param collation    the collation where it is not the type's default, or null
 * @param defaultValue the default expression as PostgreSQL prints it, or null
 * @param generated    the expression of a stored generated column, or null
 */
public record Column(String name, String type, String collation, Nullability nullability, String defaultValue,
                     Identity identity, String generated) {

    /** Whether the column is an identity column, and which kind. */
    public enum Identity { NONE, ALWAYS, BY_DEFAULT }
}
