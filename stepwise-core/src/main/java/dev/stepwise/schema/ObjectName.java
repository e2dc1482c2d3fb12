package dev.stepwise.schema;

import java.util.Comparator;

/** A schema-qualified name as the database stores it (case kept, no quotes). */
public record ObjectName(String schema, String name) implements Comparable<ObjectName> {

    private static final Comparator<ObjectName> ORDER = Comparator.comparing(ObjectName::schema)
            .thenComparing(ObjectName::name);

    @Override
    public int compareTo(ObjectName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
