package dev.stepwise.schema;

import java.util.List;

/**
 * A comment on an object. PostgreSQL names the object by kind and address: {@code table} with
 * names {@code [public, orders]}; {@code table column} with {@code [public, orders, note]};
 * {@code function} with names {@code [public, total]} and arguments {@code [integer]}. The
 * {@code identity} is the same object as one line ({@code public.orders.note}), for messages.
 */
public record Comment(String objectKind, String identity, List<String> names, List<String> arguments, String text) {

    public Comment {
        names = List.copyOf(names);
        arguments = List.copyOf(arguments);
    }

    /** Whether the comment is on this relation or on one of its columns, constraints or triggers. */
    public boolean isOn(ObjectName relation) {
        return names.size() >= 2 && names.get(0).equals(relation.schema()) && names.get(1).equals(relation.name());
    }
}
