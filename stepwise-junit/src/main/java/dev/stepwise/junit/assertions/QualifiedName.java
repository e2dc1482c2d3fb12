package dev.stepwise.junit.assertions;

import dev.stepwise.schema.ObjectName;

/** How the assertions read a table name: {@code users} is {@code public.users}; {@code billing.invoices} names its schema. */
final class QualifiedName {

    static final String DEFAULT_SCHEMA = "public";

    private QualifiedName() {
    }

    static ObjectName parse(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return new ObjectName(DEFAULT_SCHEMA, name);
        }
        if (dot == 0 || dot == name.length() - 1) {
            throw new IllegalArgumentException("not a table name: '" + name + "' (expected table or schema.table)");
        }
        return new ObjectName(name.substring(0, dot), name.substring(dot + 1));
    }
}
