package dev.stepwise.sql;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The statements of one direction of a migration, in file order.
 *
 * <p>A plan is a re-iterable <em>view</em> over the migration file, not a copy: a large file is
 * read and split again by every iteration, so a 50 MB data migration is linted, printed and
 * executed without being held in memory (a small one is read once and kept: see
 * {@code SqlMigration}). {@code --sql}, lint and the runner all iterate the same plan.
 */
public final class Plan implements Iterable<SqlStatement> {

    private final Supplier<Iterator<SqlStatement>> statements;

    public Plan(Supplier<Iterator<SqlStatement>> statements) {
        this.statements = statements;
    }

    @Override
    public Iterator<SqlStatement> iterator() {
        return statements.get();
    }

    /** Whether every statement may share one transaction (a single-step migration). */
    public boolean isSingleTransaction() {
        for (SqlStatement statement : this) {
            if (!statement.runsInTransaction()) {
                return false;
            }
        }
        return true;
    }
}
