package dev.stepwise.postgres.diff;

import dev.stepwise.diff.CreateRoutine;
import dev.stepwise.diff.CreateTrigger;
import dev.stepwise.diff.CreateView;
import dev.stepwise.diff.DropRoutine;
import dev.stepwise.diff.DropTrigger;
import dev.stepwise.diff.DropView;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SetTriggerFiring;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.Routine;
import dev.stepwise.schema.Trigger;
import dev.stepwise.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.stepwise.postgres.diff.Sql.name;
import static dev.stepwise.postgres.diff.Sql.q;

/** Views, materialized views, functions, procedures and triggers as statements; null for other changes. */
final class CodeStatements {

    private CodeStatements() {
    }

    static List<String> render(SchemaChange change) {
        if (change instanceof CreateView c) {
            return createView(c.view());
        }
        if (change instanceof DropView c) {
            return List.of((c.view().kind() == View.Kind.MATERIALIZED ? "DROP MATERIALIZED VIEW " : "DROP VIEW ")
                    + name(c.view().name()));
        }
        if (change instanceof CreateRoutine c) {
            return List.of(c.routine().definition().strip());
        }
        if (change instanceof DropRoutine c) {
            Routine r = c.routine();
            return List.of((r.kind() == Routine.Kind.PROCEDURE ? "DROP PROCEDURE " : "DROP FUNCTION ") + name(r.name())
                    + "(" + r.arguments() + ")");
        }
        if (change instanceof CreateTrigger c) {
            List<String> statements = new ArrayList<>(List.of(c.trigger().definition()));
            if (c.trigger().firing() != Trigger.Firing.ENABLED) {
                statements.add(firing(c.trigger()));
            }
            return statements;
        }
        if (change instanceof DropTrigger c) {
            return List.of("DROP TRIGGER " + q(c.trigger().name()) + " ON " + name(c.trigger().table()));
        }
        if (change instanceof SetTriggerFiring c) {
            return List.of(firing(c.trigger()));
        }
        return null;
    }

    /** The view with its columns named as the model has them (they may differ from the query's own names). */
    private static List<String> createView(View v) {
        String query = v.definition().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        String columns = v.columns().stream().map(Sql::q).collect(Collectors.joining(", "));
        boolean materialized = v.kind() == View.Kind.MATERIALIZED;
        List<String> statements = new ArrayList<>();
        statements.add((materialized ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ") + name(v.name()) + " (" + columns
                + ") AS\n" + query + (materialized ? "\nWITH DATA" : ""));
        // a new materialized view: nothing reads it yet, so its indexes are built the plain way
        v.indexes().stream().map(Index::definition).forEach(statements::add);
        return statements;
    }

    private static String firing(Trigger t) {
        String how = switch (t.firing()) {
            case DISABLED -> " DISABLE TRIGGER ";
            case REPLICA -> " ENABLE REPLICA TRIGGER ";
            case ALWAYS -> " ENABLE ALWAYS TRIGGER ";
            default -> " ENABLE TRIGGER ";
        };
        return "ALTER TABLE " + name(t.table()) + how + q(t.name());
    }
}
