package dev.stepwise.postgres.batch;

import dev.stepwise.dialect.BatchRefusedException;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.postgres.statement.StatementTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batched {@code UPDATE} or {@code DELETE} taken apart: its table, alias, {@code SET} list,
 * {@code FROM}/{@code USING} list and {@code WHERE}, as token lists, so batches can add a key
 * range to its {@code WHERE}; and the check that running it twice on the same row changes
 * nothing twice.
 */
final class BatchedDml {

    enum Verb { UPDATE, DELETE }

    private static final Set<String> AFTER_TABLE = Set.of("SET", "USING", "WHERE", "RETURNING", "FROM");

    final Verb verb;
    final boolean only;
    final List<String> tableTokens;
    final QualifiedName table;
    final String alias;
    final List<String> set;
    final List<String> from;
    final List<String> where;

    private BatchedDml(Verb verb, boolean only, List<String> tableTokens, QualifiedName table, String alias,
                       List<String> set, List<String> from, List<String> where) {
        this.verb = verb;
        this.only = only;
        this.tableTokens = List.copyOf(tableTokens);
        this.table = table;
        this.alias = alias;
        this.set = List.copyOf(set);
        this.from = List.copyOf(from);
        this.where = List.copyOf(where);
    }

    static BatchedDml parse(StatementTokens t) {
        if (t.is(0, "WITH")) {
            throw new BatchRefusedException("a batched statement cannot start with WITH: batches add their own;"
                    + " write the common table expression as a subquery");
        }
        Verb verb;
        int i;
        if (t.is(0, "UPDATE")) {
            verb = Verb.UPDATE;
            i = 1;
        } else if (t.isSequence(0, "DELETE", "FROM")) {
            verb = Verb.DELETE;
            i = 2;
        } else {
            throw new BatchRefusedException("`-- stepwise:batch` governs an UPDATE or a DELETE, not `"
                    + t.raw(0) + " ...`");
        }
        boolean only = t.is(i, "ONLY");
        i = t.skip(i, "ONLY");
        QualifiedName table = t.nameAt(i);
        if (table == null) {
            throw new BatchRefusedException("cannot read the table name of this " + verb);
        }
        int nameLength = t.nameLength(i);
        List<String> tableTokens = t.all().subList(i, i + nameLength);
        i += nameLength;
        if (t.raw(i).equals("*")) {
            i++;
        }
        String alias = null;
        if (t.is(i, "AS")) {
            alias = t.raw(i + 1);
            i += 2;
        } else if (t.isName(i) && !AFTER_TABLE.contains(t.word(i))) {
            alias = t.raw(i);
            i++;
        }
        int returning = t.topLevel("RETURNING", i);
        if (returning >= 0) {
            throw new BatchRefusedException("a batched " + verb + " cannot have RETURNING: its rows come back"
                    + " batch by batch to nobody");
        }
        int whereAt = t.topLevel("WHERE", i);
        int end = t.size();
        List<String> where = whereAt < 0 ? List.of() : t.all().subList(whereAt + 1, end);
        if (where.size() >= 2 && t.isSequence(whereAt + 1, "CURRENT", "OF")) {
            throw new BatchRefusedException("WHERE CURRENT OF cannot run in batches");
        }
        int clausesEnd = whereAt < 0 ? end : whereAt;
        List<String> set = List.of();
        List<String> from = List.of();
        if (verb == Verb.UPDATE) {
            if (!t.is(i, "SET")) {
                throw new BatchRefusedException("cannot read this UPDATE: expected SET after the table");
            }
            int fromAt = t.topLevel("FROM", i + 1);
            if (fromAt >= clausesEnd) {
                fromAt = -1;
            }
            set = t.all().subList(i + 1, fromAt < 0 ? clausesEnd : fromAt);
            from = fromAt < 0 ? List.of() : t.all().subList(fromAt + 1, clausesEnd);
        } else if (t.is(i, "USING")) {
            from = t.all().subList(i + 1, clausesEnd);
        } else if (i != clausesEnd) {
            throw new BatchRefusedException("cannot read this DELETE after its table: `" + t.raw(i) + "`");
        }
        return new BatchedDml(verb, only, tableTokens, table, alias, set, from, where);
    }

    /**
     * Refuses an {@code UPDATE} that would change a row again when a batch runs twice or a
     * catch-up pass meets it: without a {@code WHERE}, or with one that mentions no column it
     * sets, rows already done still match; when every such column is set from the columns it sets
     * ({@code SET n = n + 1 WHERE n < 10}), they change again. A {@code DELETE} is always safe:
     * a deleted row cannot match again.
     */
    void requireIdempotent() {
        if (verb == Verb.DELETE) {
            return;
        }
        Map<String, List<String>> assignments = assignments();
        String example = assignments.keySet().iterator().next();
        if (where.isEmpty()) {
            throw new BatchRefusedException("a batched UPDATE needs a WHERE that leaves out the rows already done,"
                    + " or a killed run and the catch-up passes would update them again; e.g. `WHERE " + example
                    + " IS DISTINCT FROM <new value>`");
        }
        List<String> inWhere = assignments.keySet().stream().filter(c -> mentions(where, Set.of(c))).toList();
        if (inWhere.isEmpty()) {
            throw new BatchRefusedException("the WHERE of this batched UPDATE mentions none of the columns it sets ("
                    + String.join(", ", assignments.keySet()) + "), so rows already done still match and would be"
                    + " updated again; add a condition such as `AND " + example + " IS DISTINCT FROM <new value>`");
        }
        boolean marked = inWhere.stream().anyMatch(c -> !mentions(assignments.get(c), assignments.keySet()));
        if (!marked) {
            throw new BatchRefusedException("this batched UPDATE sets " + String.join(", ", inWhere)
                    + " from itself (e.g. `n = n + 1`), so a row already done can match its WHERE again and change"
                    + " twice; mark done rows with a column set to a fixed value and filter on it");
        }
    }

    /** The columns the {@code SET} list assigns (names as PostgreSQL reads them), each with its expression's tokens. */
    Map<String, List<String>> assignments() {
        Map<String, List<String>> byColumn = new LinkedHashMap<>();
        for (List<String> item : StatementTokens.splitTopLevel(set)) {
            int eq = StatementTokens.topLevelIndex(item, "=", 0);
            if (eq <= 0) {
                throw new BatchRefusedException("cannot read the SET list of this UPDATE");
            }
            List<String> target = item.subList(0, eq);
            List<String> value = item.subList(eq + 1, item.size());
            List<String> columns = new ArrayList<>();
            if (target.get(0).equals("(")) {
                for (String token : target) {
                    if (!token.equals("(") && !token.equals(")") && !token.equals(",")) {
                        columns.add(QualifiedName.identifier(token));
                    }
                }
            } else {
                columns.add(QualifiedName.identifier(target.get(0)));
            }
            columns.forEach(c -> byColumn.put(c, value));
        }
        if (byColumn.isEmpty()) {
            throw new BatchRefusedException("cannot read the SET list of this UPDATE");
        }
        return byColumn;
    }

    /** Whether the tokens name one of the columns (bare or qualified by this table's name or alias), not as a function. */
    private boolean mentions(List<String> tokens, Set<String> columns) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!isName(token) || i + 1 < tokens.size() && tokens.get(i + 1).equals("(")) {
                continue;
            }
            if (i > 0 && tokens.get(i - 1).equals(".")) {
                String qualifier = i > 1 ? QualifiedName.identifier(tokens.get(i - 2)) : "";
                boolean ours = qualifier.equals(alias == null ? table.name() : QualifiedName.identifier(alias))
                        || qualifier.equals(table.name());
                if (!ours) {
                    continue;
                }
            }
            if (columns.contains(QualifiedName.identifier(token))) {
                return true;
            }
        }
        return false;
    }

    /** A name, quoted or not; a quoted one may hold a {@code '}, a word followed by one is a literal ({@code E'..'}). */
    private static boolean isName(String token) {
        if (token.isEmpty()) {
            return false;
        }
        if (token.charAt(0) == '"' || token.regionMatches(true, 0, "U&\"", 0, 3)) {
            return true;
        }
        return (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') && !token.contains("'");
    }

    /** How the statement refers to its table's columns: by alias, else by the table's name as written. */
    String qualifier() {
        return alias != null ? alias : String.join("", tableTokens);
    }

    /** The target as written after UPDATE / DELETE FROM, with ONLY and the alias. */
    String target() {
        return (only ? "ONLY " : "") + String.join("", tableTokens) + (alias == null ? "" : " AS " + alias);
    }

    static String sql(List<String> tokens) {
        return String.join(" ", tokens);
    }
}
