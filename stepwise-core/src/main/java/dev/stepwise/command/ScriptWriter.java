package dev.stepwise.command;

import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.VersionTableSql;
import dev.stepwise.source.Direction;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementClassifier;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an offline script: each migration's statements in transaction blocks as the runner would
 * group them (streamed from the plan, never collected), followed by the version-table writes in
 * the migration's last transaction.
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
        out.append("-- ").append(text).append('\n');
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
        boolean inTransaction = false;
        int steps = 0;
        for (SqlStatement s : m.plan(direction, classifier)) {
            if (s.runsInTransaction() && !inTransaction) {
                out.append("BEGIN;\n");
                inTransaction = true;
                steps++;
            } else if (!s.runsInTransaction() && inTransaction) {
                out.append("COMMIT;\n");
                inTransaction = false;
            }
            if (!s.runsInTransaction()) {
                steps++;
                comment("outside a transaction: must not run inside a transaction block");
            }
            out.append(s.sql()).append(";\n");
        }
        if (!inTransaction) {
            out.append("BEGIN;\n");
        }
        versionMove(m, direction, before, after, Math.max(steps, 1));
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

    /** Fills {@code ?} placeholders in order; Stepwise's own SQL has no other question marks. */
    static String bind(String sql, List<String> values) {
        StringBuilder s = new StringBuilder();
        int next = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                s.append(values.get(next++));
            } else {
                s.append(ch);
            }
        }
        if (next != values.size()) {
            throw new IllegalArgumentException("expected " + values.size() + " placeholders in " + sql);
        }
        return s.toString();
    }
}
