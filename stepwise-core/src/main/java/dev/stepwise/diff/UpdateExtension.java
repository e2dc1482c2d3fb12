package dev.stepwise.diff;

/** An installed extension moved to another version. */
public record UpdateExtension(String name, String version) implements SchemaChange {

    @Override
    public String describe() {
        return "update extension " + name + " to " + version;
    }
}
