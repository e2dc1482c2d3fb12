package dev.stepwise.dialect;

import dev.stepwise.diff.SchemaChange;

import java.util.List;

/**
 * Turns one schema change into the dialect's statements, in the safe form for a table that holds
 * rows and traffic (concurrent index builds, constraints validated apart). Each statement is one
 * step of a migration, in order.
 */
public interface SchemaChangeRenderer {

    List<String> render(SchemaChange change);
}
