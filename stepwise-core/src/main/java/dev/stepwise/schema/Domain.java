package dev.stepwise.schema;

import java.util.List;

/**
 * A domain over a base type.
 *
 * @param defaultValue the default expression as PostgreSQL prints it, or null
 * @param collation    the collation where it is not the base type's default, or null
 */
public record Domain(ObjectName name, String baseType, Nullability nullability, String defaultValue,
                     String collation, List<Check> checks) {

    /** A named check of a domain. */
    public record Check(String name, String definition, boolean validated) {
    }

    public Domain {
        checks = List.copyOf(checks);
    }
}
