package dev.stepwise.schema;

/** An installed extension: its objects belong to it and are not modelled one by one. */
public record Extension(String name, String schema, String version) {
}
