package dev.stepwise.schema;

/** An object in the schema that the model leaves out (a policy, a rule, a composite type...), by kind and identity. */
public record Unmodelled(String kind, String identity) {
}
