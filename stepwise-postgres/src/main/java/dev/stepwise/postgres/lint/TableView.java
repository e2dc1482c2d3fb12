package dev.stepwise.postgres.lint;

import dev.stepwise.lint.TableFacts;
import dev.stepwise.lint.TableSize;
import dev.stepwise.postgres.statement.QualifiedName;

/**
 * A table as a statement meets it: made earlier in the same migration (nobody can be using it),
 * there before the migration (with what the catalog says, where known), or not known at all.
 *
 * @param facts the catalog's facts, or null when there are none
 */
public record TableView(QualifiedName name, Origin origin, TableFacts facts) {

    public enum Origin {
        /** Created by an earlier statement of the same migration: empty, and no running code uses it yet. */
        NEW,
        /** There before the migration, per the catalog. */
        EXISTING,
        /** Not known (offline, or not in the catalog read): treated as existing, of unknown size. */
        UNKNOWN
    }

    public boolean isNew() {
        return origin == Origin.NEW;
    }

    public TableSize size() {
        if (origin == Origin.NEW) {
            return TableSize.EMPTY;
        }
        return facts == null ? TableSize.UNKNOWN : facts.size();
    }

    /** Whether locking it briefly or rewriting it costs nothing worth a warning. */
    public boolean isSmall() {
        return size().kind() == TableSize.Kind.SMALL;
    }

    /** For messages: {@code orders (120,000 rows, 14 MB)} or just {@code orders}. */
    public String describe() {
        TableSize size = size();
        return switch (size.kind()) {
            case LARGE, SMALL -> origin == Origin.NEW ? name + " (created in this migration)"
                    : name + " (" + size.describe() + ")";
            case UNKNOWN -> name.toString();
        };
    }
}
