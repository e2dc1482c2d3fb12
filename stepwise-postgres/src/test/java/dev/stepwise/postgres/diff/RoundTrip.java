package dev.stepwise.postgres.diff;

import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.postgres.introspect.PostgresIntrospector;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The acceptance check of the schema diff, shared by the hand-written cases and the property
 * test: on real PostgreSQL, a database made from A plus the rendered diff A→B has B's model, and
 * the diff back brings it to A's; every statement runs on its own in autocommit, as a
 * migration's steps do. A and B are made as databases of their own on the one shared test
 * server (cloned from its empty template) and dropped afterwards, so a long run does not fill
 * the disk.
 *
 * <p>A failure names the direction, lists what differs object by object and shows the rendered
 * SQL and the two schemas' SQL.
 */
final class RoundTrip {

    /** How strictly the models are compared. */
    enum Comparison {
        EXACT,
        /** PostgreSQL cannot reorder columns: the diff notes the order and leaves it. */
        APART_FROM_COLUMN_ORDER
    }

    private final String a;
    private final String b;
    private final List<String> expectedNotes;
    private final List<String> toleratedNotes;
    private final Comparison comparison;

    private RoundTrip(String a, String b, List<String> expectedNotes, List<String> toleratedNotes,
                      Comparison comparison) {
        this.a = a;
        this.b = b;
        this.expectedNotes = List.copyOf(expectedNotes);
        this.toleratedNotes = List.copyOf(toleratedNotes);
        this.comparison = comparison;
    }

    /** The round trip between the schemas two SQL scripts make. */
    static RoundTrip between(String a, String b) {
        return new RoundTrip(a, b, List.of(), List.of(), Comparison.EXACT);
    }

    /** The diff must note this (a part of the note's text) one way or the other; no other note is expected. */
    RoundTrip expectingNote(String fragment) {
        List<String> notes = new ArrayList<>(expectedNotes);
        notes.add(fragment);
        return new RoundTrip(a, b, notes, toleratedNotes, comparison);
    }

    /** The diff may note this, or not (generated pairs, where it depends on the case). */
    RoundTrip toleratingNote(String fragment) {
        List<String> notes = new ArrayList<>(toleratedNotes);
        notes.add(fragment);
        return new RoundTrip(a, b, expectedNotes, notes, comparison);
    }

    RoundTrip comparing(Comparison how) {
        return new RoundTrip(a, b, expectedNotes, toleratedNotes, how);
    }

    /** Runs the round trip; throws an {@link AssertionError} that says where it broke. */
    void holds() {
        TestDatabase db = create(a, "A");
        try {
            SchemaModel modelA = introspect(db);
            SchemaModel modelB;
            TestDatabase target = create(b, "B");
            try {
                modelB = introspect(target);
            } finally {
                drop(target);
            }
            SchemaDiff.Result forward = step("A + diff(A→B)", db, modelB);
            if (a.equals(b) && !forward.isEmpty()) {
                throw new AssertionError("identical schemas gave changes:\n"
                        + String.join("\n", rendered(forward.changes())));
            }
            SchemaDiff.Result back = step("A + diff(A→B) + diff(B→A)", db, modelA);
            checkNotes(forward.notes(), back.notes());
        } finally {
            drop(db);
        }
    }

    /** Diffs the database against the wanted model, applies the diff, and checks the result. */
    private SchemaDiff.Result step(String label, TestDatabase db, SchemaModel wanted) {
        SchemaDiff.Result diff = SchemaDiff.between(introspect(db), wanted);
        List<String> sql = rendered(diff.changes());
        apply(label, db, sql);
        List<String> differences = ModelDifference.between(comparable(wanted), comparable(introspect(db)));
        List<String> invalid = db.column("SELECT indexrelid::regclass::text FROM pg_catalog.pg_index"
                + " WHERE NOT indisvalid ORDER BY 1");
        if (!invalid.isEmpty()) {
            differences = new ArrayList<>(differences);
            differences.add("invalid indexes (left half-built, or made ON ONLY a partitioned table): " + invalid);
        }
        if (!differences.isEmpty()) {
            throw failure(label + " is not the wanted schema:\n  " + String.join("\n  ", differences), sql);
        }
        return diff;
    }

    /** Each expected note is said one way or the other (a column order shows only where it differs); no other. */
    private void checkNotes(List<String> forward, List<String> back) {
        List<String> notes = new ArrayList<>(forward);
        notes.addAll(back);
        for (String fragment : expectedNotes) {
            if (notes.stream().noneMatch(n -> n.contains(fragment))) {
                throw failure("no note says '" + fragment + "'; the notes: " + notes, List.of());
            }
        }
        List<String> unexpected = notes.stream()
                .filter(n -> expectedNotes.stream().noneMatch(n::contains) && toleratedNotes.stream().noneMatch(n::contains))
                .toList();
        if (!unexpected.isEmpty()) {
            throw failure("unexpected notes: " + unexpected, List.of());
        }
    }

    private SchemaModel comparable(SchemaModel model) {
        if (comparison == Comparison.EXACT) {
            return model;
        }
        List<Table> tables = model.tables().stream().map(t -> new Table(t.name(), t.columns().stream()
                .sorted(Comparator.comparing(Column::name)).toList(), t.constraints(), t.indexes(),
                t.partitioning())).toList();
        return new SchemaModel(model.schemas(), model.extensions(), model.enums(), model.domains(),
                model.sequences(), tables, model.views(), model.routines(), model.triggers(), model.comments(),
                model.unmodelled());
    }

    private AssertionError failure(String what, List<String> sql) {
        return new AssertionError(what + "\nrendered SQL:\n  " + String.join(";\n  ", sql)
                + "\nschema A:\n" + a.strip() + "\nschema B:\n" + b.strip());
    }

    private void apply(String label, TestDatabase db, List<String> sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    throw failure(label + ": PostgreSQL refused " + statement + "\n  " + e.getMessage(), sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + db.name(), e);
        }
    }

    static List<String> rendered(List<SchemaChange> changes) {
        ChangeRenderer renderer = new ChangeRenderer();
        List<String> all = new ArrayList<>();
        changes.forEach(ch -> all.addAll(renderer.render(ch)));
        return all;
    }

    private TestDatabase create(String sql, String which) {
        TestDatabase db = TestPostgres.server().newDatabase();
        try {
            db.execute(sql);
        } catch (IllegalStateException e) {
            drop(db);
            throw new IllegalArgumentException("schema " + which + " does not run: " + e.getMessage());
        }
        return db;
    }

    private static void drop(TestDatabase db) {
        db.server().execute("postgres", "DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
    }

    private static SchemaModel introspect(TestDatabase db) {
        try (Connection c = db.connect()) {
            return new PostgresIntrospector().introspect(c, SchemaIntrospector.Scope.ALL);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot introspect " + db.name() + ": " + e.getMessage(), e);
        }
    }
}
