package dev.stepwise.schema;

import java.util.List;

/** An enum type and its labels in their sort order. */
public record EnumType(ObjectName name, List<String> labels) {

    public EnumType {
        labels = List.copyOf(labels);
    }
}
