package dev.stepwise.schema;

/** Whether a column or domain admits NULL. */
public enum Nullability {
    NULLABLE, NOT_NULL
}
