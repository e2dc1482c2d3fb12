package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Routine;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Trigger;
import dev.stepwise.schema.View;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a diff about views, materialized views, functions, procedures and triggers. A view
 * cannot change under its readers or over a column that changes type, so a view that changes, or
 * reads a table whose columns change type or go, or reads such a view, is dropped before the
 * tables change and made again after, readers last.
 */
final class CodeDiff {

    private CodeDiff() {
    }

    static void plan(SchemaModel from, SchemaModel to, Plan plan) {
        Set<ObjectName> remade = views(from, to, plan);
        routines(from, to, plan);
        triggers(from, to, plan, remade);
    }

    /** Plans the views and returns those dropped and made again. */
    private static Set<ObjectName> views(SchemaModel from, SchemaModel to, Plan plan) {
        Map<ObjectName, View> before = SchemaDiff.byName(from.views(), View::name);
        Map<ObjectName, View> after = SchemaDiff.byName(to.views(), View::name);
        Set<ObjectName> dropped = new LinkedHashSet<>();
        for (View v : before.values()) {
            View wanted = after.get(v.name());
            if (wanted == null || !sameQuery(v, wanted) || v.dependsOn().stream().anyMatch(plan.reshapedTables::contains)) {
                dropped.add(v.name());
            }
        }
        // a view reading a dropped view goes too, and so on up
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : before.values()) {
                if (!dropped.contains(v.name()) && v.dependsOn().stream().anyMatch(dropped::contains)) {
                    dropped.add(v.name());
                    grew = true;
                }
            }
        }
        List<View> drops = readersFirst(dropped.stream().map(before::get).toList());
        drops.forEach(v -> plan.add(Plan.Phase.DROP_VIEWS, new DropView(v)));
        Set<ObjectName> remade = new LinkedHashSet<>();
        List<View> creates = new ArrayList<>();
        for (View v : after.values()) {
            if (!before.containsKey(v.name()) || dropped.contains(v.name())) {
                creates.add(v);
                if (before.containsKey(v.name())) {
                    remade.add(v.name());
                }
            } else {
                SchemaDiff.indexChanges(plan, v.name(), before.get(v.name()).indexes(), v.indexes(), null, java.util.Set.of());
            }
        }
        List<View> ordered = readersFirst(creates);
        java.util.Collections.reverse(ordered);
        ordered.forEach(v -> plan.add(Plan.Phase.CREATE_VIEWS, new CreateView(v)));
        plan.recreated.addAll(remade);
        return remade;
    }

    private static boolean sameQuery(View a, View b) {
        return a.kind() == b.kind() && a.definition().equals(b.definition()) && a.columns().equals(b.columns());
    }

    /** The views, each before every view it reads (the order to drop them in; reversed, to create them). */
    private static List<View> readersFirst(List<View> views) {
        Map<ObjectName, View> byName = SchemaDiff.byName(views, View::name);
        List<View> sorted = new ArrayList<>();
        Set<ObjectName> placed = new LinkedHashSet<>();
        for (View v : views) {
            placeAfterReaders(v, byName, placed, sorted, new LinkedHashSet<>());
        }
        java.util.Collections.reverse(sorted);
        return sorted;
    }

    /** Depth first: what a view reads is placed before it, then the list is reversed. */
    private static void placeAfterReaders(View v, Map<ObjectName, View> views, Set<ObjectName> placed,
                                          List<View> sorted, Set<ObjectName> path) {
        if (placed.contains(v.name()) || !path.add(v.name())) {
            return;
        }
        for (ObjectName read : v.dependsOn()) {
            View dependency = views.get(read);
            if (dependency != null) {
                placeAfterReaders(dependency, views, placed, sorted, path);
            }
        }
        placed.add(v.name());
        sorted.add(v);
    }

    private static void routines(SchemaModel from, SchemaModel to, Plan plan) {
        Map<String, Routine> before = SchemaDiff.byName(from.routines(), Routine::signature);
        Map<String, Routine> after = SchemaDiff.byName(to.routines(), Routine::signature);
        before.forEach((signature, r) -> {
            if (!after.containsKey(signature)) {
                plan.add(Plan.Phase.DROP_ROUTINES, new DropRoutine(r));
            }
        });
        after.forEach((signature, r) -> {
            Routine was = before.get(signature);
            if (was != null && was.definition().equals(r.definition())) {
                return;
            }
            Plan.Phase phase = checkedAgainstTables(r) ? Plan.Phase.CREATE_SQL_ROUTINES : Plan.Phase.CREATE_ROUTINES;
            if (was != null && (!header(was).equals(header(r)) || was.kind() != r.kind())) {
                // CREATE OR REPLACE keeps a routine's parameter names, result type and kind
                plan.add(phase, new DropRoutine(was));
                plan.recreated.add(r.name());
            }
            plan.add(phase, new CreateRoutine(r));
        });
    }

    /**
     * Whether PostgreSQL checks the routine's body against the tables when it is made: SQL-language
     * bodies are, so those are made once the tables and columns are there.
     */
    private static boolean checkedAgainstTables(Routine r) {
        return r.definition().contains("\n LANGUAGE sql\n") || r.definition().contains("BEGIN ATOMIC");
    }

    /** The first lines of {@code pg_get_functiondef}: the name with its parameters, and what it returns. */
    private static String header(Routine r) {
        String[] lines = r.definition().split("\n", 3);
        return lines.length > 1 && lines[1].startsWith(" RETURNS ") ? lines[0] + "\n" + lines[1] : lines[0];
    }

    private static void triggers(SchemaModel from, SchemaModel to, Plan plan, Set<ObjectName> remadeViews) {
        Map<List<Object>, Trigger> before = SchemaDiff.byName(from.triggers(), t -> List.of(t.table(), t.name()));
        Map<List<Object>, Trigger> after = SchemaDiff.byName(to.triggers(), t -> List.of(t.table(), t.name()));
        Set<ObjectName> tablesAfter = new LinkedHashSet<>();
        to.tables().forEach(t -> tablesAfter.add(t.name()));
        to.views().forEach(v -> tablesAfter.add(v.name()));
        before.forEach((key, t) -> {
            Trigger wanted = after.get(key);
            boolean goesWithItsTable = !tablesAfter.contains(t.table()) || remadeViews.contains(t.table());
            if (!goesWithItsTable && (wanted == null || !wanted.definition().equals(t.definition()))) {
                plan.add(Plan.Phase.DROP_TRIGGERS, new DropTrigger(t));
            }
        });
        after.forEach((key, t) -> {
            Trigger was = before.get(key);
            if (was == null || !was.definition().equals(t.definition()) || remadeViews.contains(t.table())) {
                plan.add(Plan.Phase.CREATE_TRIGGERS, new CreateTrigger(t));
                plan.recreated.add(t.table());
            } else if (was.firing() != t.firing()) {
                plan.add(Plan.Phase.CREATE_TRIGGERS, new SetTriggerFiring(t));
            }
        });
    }
}
