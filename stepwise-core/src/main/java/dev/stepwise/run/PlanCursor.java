package dev.stepwise.run;

import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a plan step by step in one pass over its file, and starts a new pass only when a step
 * must be read again (a retried attempt) or a run starts part-way (a resumed migration), so a
 * large plan is never held in memory.
 */
final class PlanCursor implements AutoCloseable {

    private final Plan plan;
    private Iterator<SqlStatement> iterator;
    private int position;

    PlanCursor(Plan plan) {
        this.plan = plan;
    }

    /** The statements of one step, read from the file. */
    Iterable<SqlStatement> statements(StepLayout.Step step) {
        return () -> new Iterator<>() {
            private int next = step.first();

            {
                seek(step.first());
            }

            @Override
            public boolean hasNext() {
                return next < step.end();
            }

            @Override
            public SqlStatement next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (position != next) {
                    seek(next);
                }
                SqlStatement s = iterator.next();
                position++;
                next++;
                return s;
            }
        };
    }

    private void seek(int index) {
        if (iterator == null || position > index) {
            close();
            iterator = plan.iterator();
            position = 0;
        }
        while (position < index) {
            iterator.next();
            position++;
        }
    }

    @Override
    public void close() {
        if (iterator instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // only a file handle
            }
        }
        iterator = null;
    }
}
