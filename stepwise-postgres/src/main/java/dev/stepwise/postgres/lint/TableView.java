package dev.stepwise.postgres.lint;

import dev.stepwise.lint.TableFacts;
import dev.stepwise.lint.TableSize;
import dev.stepwise.postgres.statement.QualifiedName;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A table as a statement meets it: made earlier in the same migration (nobody can be using it),
 * there before the migration (with what the catalog says, where known), or not known at all.
 *
 * <p>Whether it is new is known from the statements before; what the catalog says is looked up
 * only when a rule asks (its origin, size or facts), so that a migration whose statements no rule
 * needs the catalog for is linted without reading it: {@code upgrade} reads the catalog before a
 * migration only when its verdict depends on it.
 */
public final class TableView {

    public enum Origin {
        /** Created by an earlier statement of the same migration: empty, and no running code uses it yet. */
        NEW,
        /** There before the migration, per the catalog. */
        EXISTING,
        /** Not known (offline, or not in the catalog read): treated as existing, of unknown size. */
        UNKNOWN
    }

    private final QualifiedName name;
    private final boolean created;
    private final Supplier<Optional<TableFacts>> lookup;
    private Optional<TableFacts> facts;

    private TableView(QualifiedName name, boolean created, Supplier<Optional<TableFacts>> lookup) {
        this.name = name;
        this.created = created;
        this.lookup = lookup;
    }

    /** A table an earlier statement of the migration created. */
    static TableView created(QualifiedName name) {
        return new TableView(name, true, Optional::empty);
    }

    /** A table from before the migration, with what the catalog says of it when first asked. */
    static TableView existing(QualifiedName name, Supplier<Optional<TableFacts>> lookup) {
        return new TableView(name, false, lookup);
    }

    public QualifiedName name() {
        return name;
    }

    public boolean isNew() {
        return created;
    }

    public Origin origin() {
        return created ? Origin.NEW : facts() != null ? Origin.EXISTING : Origin.UNKNOWN;
    }

    /** The catalog's facts, or null when there are none. */
    public TableFacts facts() {
        if (facts == null) {
            facts = lookup.get();
        }
        return facts.orElse(null);
    }

    public TableSize size() {
        if (created) {
            return TableSize.EMPTY;
        }
        TableFacts known = facts();
        return known == null ? TableSize.UNKNOWN : known.size();
    }

    /** Whether locking it briefly or rewriting it costs nothing worth a warning. */
    public boolean isSmall() {
        return size().kind() == TableSize.Kind.SMALL;
    }

    /** For messages: {@code orders (120,000 rows, 14 MB)} or just {@code orders}. */
    public String describe() {
        TableSize size = size();
        return switch (size.kind()) {
            case LARGE, SMALL -> created ? name + " (created in this migration)" : name + " (" + size.describe() + ")";
            case UNKNOWN -> name.toString();
        };
    }

    @Override
    public String toString() {
        return name.toString();
    }
}
