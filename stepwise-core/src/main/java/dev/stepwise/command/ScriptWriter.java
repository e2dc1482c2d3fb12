package dev.stepwise.command;

import dev.stepwise.backfill.BatchSettings;
import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.VersionTableSql;
import dev.stepwise.source.Direction;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.run.StepLayout;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementClassifier;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an offline script: each migration's statements grouped into steps as the runner groups
 * them (streamed from the plan, never collected): transaction blocks, statements marked as
 * running outside one, and batched statements as {@code DO} blocks that commit per batch;
 * followed by the version-table writes in the migration's last transaction.
 */
final class ScriptWriter {

    private final Appendable out;
    private final Dialect dialect;
    private final VersionTableSql tables;

    ScriptWriter(Appendable out, Dialect dialect, VersionTableSql tables) {
        this.out = out;
        this.dialect = dialect;
        this.tables = tables;
    }

    void comment(String text) throws IOException {
        out.append(dev.stepwise.sql.SqlComment.of(text));
    }

    void versionTables() throws IOException {
        out.append('\n');
        for (String ddl : tables.createTables()) {
            out.append(ddl).append(";\n");
        }
    }

    void migration(SqlMigration m, Direction direction, StatementClassifier classifier, Set<String> before,
                   Set<String> after) throws IOException {
        out.append('\n');
        comment("Running " + direction.keyword() + "grade " + (direction == Direction.UP
                ? parents(m) + " -> " + m.revision()
                : m.revision() + " -> " + parents(m))
                + (m.header().message().isEmpty() ? "" : ", " + m.header().message()));
        comment("from " + m.origin());
        Plan plan = m.plan(direction, classifier);
        StepLayout layout = StepLayout.of(plan);
        // The steps as the runner groups them, streamed from the plan, never collected.
        Iterator<SqlStatement> statements = plan.iterator();
        boolean lastOpen = false;
        for (int k = 0; k < layout.steps().size(); k++) {
            StepLayout.Step step = layout.steps().get(k);
            boolean last = k == layout.steps().size() - 1;
            switch (step.kind()) {
                case TRANSACTION, OWN_TRANSACTION -> {
                    if (step.kind() == StepLayout.Kind.OWN_TRANSACTION && layout.steps().size() > 1) {
                        comment("in a transaction of its own");
                    }
                    out.append("BEGIN;\n");
                    for (int i = step.first(); i < step.end(); i++) {
                        out.append(statements.next().sql()).append(";\n");
                    }
                    if (last && step.kind() == StepLayout.Kind.TRANSACTION) {
                        lastOpen = true;
                    } else {
                        out.append("COMMIT;\n");
                    }
                }
                case AUTOCOMMIT -> {
                    comment("outside a transaction: must not run inside a transaction block");
                    out.append(statements.next().sql()).append(";\n");
                }
                case BATCH -> {
                    SqlStatement s = statements.next();
                    BatchSettings settings = BatchSettings.of(s.directive("batch"));
                    int size = settings.automatic() ? BatchSettings.DEFAULT_SIZE : settings.size();
                    comment("outside a transaction: batched, " + size + " rows per batch"
                            + (settings.automatic() ? " (size=auto sizes batches only when Stepwise runs them)" : "")
                            + ", each batch commits");
                    comment(s.sql().strip().replaceAll("\\s+", " "));
                    out.append(dialect.batchPlanner().offlineScript(s, size)).append(";\n");
                }
            }
        }
        if (statements instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // only the file handle of a plan read to its end
            }
        }
        if (!lastOpen) {
            out.append("BEGIN;\n");
        }
        versionMove(m, direction, before, after, layout.steps().size());
        out.append("COMMIT;\n");
    }

    private void versionMove(SqlMigration m, Direction direction, Set<String> before, Set<String> after,
                             int steps) throws IOException {
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        for (String head : removed) {
            out.append(bind(tables.deleteHead(), List.of(literal(head)))).append(";\n");
        }
        for (String head : added) {
            out.append(bind(tables.insertHead(), List.of(literal(head)))).append(";\n");
        }
        String insert = tables.insertHistory().replaceFirst("\\s+RETURNING id$", "");
        out.append(bind(insert, List.of(literal("offline"), literal(m.revision()), literal(direction.keyword()), "NULL",
                String.valueOf(steps), literal(m.checksum()), "now()", "now()",
                "current_user", literal("success"), "NULL"))).append(";\n");
    }

    private static String parents(SqlMigration m) {
        return m.header().downRevisions().isEmpty() ? "<base>" : String.join(",", m.header().downRevisions());
    }

    private String literal(String value) {
        return dialect.quoteLiteral(value);
    }

    /** Fills {@code ?} placeholders in order; a {@code ?} in a configured table's quoted name is not one. */
    static String bind(String sql, List<String> values) {
        return dev.stepwise.sql.JdbcPlaceholders.bound(sql, values);
    }
}
