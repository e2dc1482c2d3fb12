package dev.stepwise.postgres.parse;

import dev.stepwise.postgres.parse.ParsedStatement.ColumnDef;
import dev.stepwise.postgres.parse.ParsedStatement.TableConstraint;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.postgres.statement.StatementTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a statement's tokens into a {@link ParsedStatement}: the shapes of DDL whose locks and
 * effects the linter judges, read as far as it needs and no further. Anything it does not know is
 * {@link ParsedStatement.Other}; it never fails on valid SQL.
 */
public final class StatementParser {

    private StatementParser() {
    }

    public static ParsedStatement parse(List<String> tokenList) {
        StatementTokens t = new StatementTokens(tokenList);
        try {
            return switch (t.word(0)) {
                case "CREATE" -> create(t);
                case "DROP" -> drop(t);
                case "REINDEX" -> reindex(t);
                case "ALTER" -> AlterTableParser.alter(t);
                case "TRUNCATE" -> truncate(t);
                case "VACUUM" -> vacuum(t);
                case "CLUSTER" -> new ParsedStatement.Cluster(t.nameAt(t.skip(1, "VERBOSE")), 0);
                case "REFRESH" -> refresh(t);
                case "UPDATE" -> dataChange(t, "UPDATE", t.skip(1, "ONLY"));
                case "DELETE" -> dataChange(t, "DELETE", t.skip(2, "ONLY"));
                case "INSERT" -> new ParsedStatement.Insert(t.nameAt(2));
                default -> new ParsedStatement.Other(t.word(0));
            };
        } catch (RuntimeException e) {
            // a shape this reader does not follow: nothing to judge, never a failure
            return new ParsedStatement.Other(t.word(0));
        }
    }

    private static ParsedStatement create(StatementTokens t) {
        int i = 1;
        boolean orReplace = t.isSequence(1, "OR", "REPLACE");
        if (orReplace) {
            i = 3;
        }
        if (t.is(t.skip(i, "CONSTRAINT"), "TRIGGER")) {
            return trigger(t, true, t.skip(i, "CONSTRAINT") + 1);
        }
        boolean unique = t.is(i, "UNIQUE");
        i = t.skip(i, "UNIQUE");
        if (t.is(i, "INDEX")) {
            return createIndex(t, i + 1, unique);
        }
        if (t.is(i, "FUNCTION") || t.is(i, "PROCEDURE")) {
            return createFunction(t, i + 1);
        }
        if (t.is(i, "TYPE")) {
            int as = i + 1 + t.nameLength(i + 1);
            if (t.isSequence(as, "AS", "ENUM") && t.raw(as + 2).equals("(")) {
                List<String> labels = new ArrayList<>();
                for (String label : t.all().subList(as + 3, closing(t.all(), as + 2))) {
                    if (!label.equals(",")) {
                        labels.add(label.substring(1, label.length() - 1).replace("''", "'"));
                    }
                }
                return new ParsedStatement.CreateEnum(t.nameAt(i + 1), labels);
            }
        }
        for (String modifier : List.of("GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED", "RECURSIVE")) {
            i = t.skip(i, modifier);
        }
        if (t.is(i, "VIEW")) {
            return new ParsedStatement.CreateView(t.nameAt(t.skip(i + 1, "IF", "NOT", "EXISTS")), false);
        }
        if (t.isSequence(i, "MATERIALIZED", "VIEW")) {
            return new ParsedStatement.CreateView(t.nameAt(t.skip(i + 2, "IF", "NOT", "EXISTS")), true);
        }
        if (t.is(i, "TABLE")) {
            return createTable(t, t.skip(i + 1, "IF", "NOT", "EXISTS"));
        }
        return new ParsedStatement.Other("CREATE");
    }

    private static ParsedStatement createIndex(StatementTokens t, int i, boolean unique) {
        boolean concurrently = t.is(i, "CONCURRENTLY");
        i = t.skip(t.skip(i, "CONCURRENTLY"), "IF", "NOT", "EXISTS");
        String name = null;
        if (!t.is(i, "ON")) {
            name = t.nameAt(i).name();
            i += t.nameLength(i);
        }
        i = t.skip(i, "ON");
        boolean parentOnly = t.is(i, "ONLY");
        i = t.skip(i, "ONLY");
        return new ParsedStatement.CreateIndex(name, t.nameAt(i), unique, concurrently, parentOnly, 0);
    }

    private static ParsedStatement createFunction(StatementTokens t, int i) {
        QualifiedName name = t.nameAt(i);
        String volatility = "VOLATILE";
        for (String v : List.of("IMMUTABLE", "STABLE", "VOLATILE")) {
            if (t.topLevel(v, i) >= 0) {
                volatility = v;
            }
        }
        return new ParsedStatement.CreateFunction(name, volatility);
    }

    private static ParsedStatement createTable(StatementTokens t, int i) {
        QualifiedName table = t.nameAt(i);
        int after = i + t.nameLength(i);
        if (t.is(after, "AS") || t.is(after, "OF") && !t.isSequence(after, "PARTITION", "OF")) {
            return new ParsedStatement.CreateTable(table, List.of(), List.of(), null, true);
        }
        QualifiedName partitionOf = null;
        if (t.isSequence(after, "PARTITION", "OF")) {
            partitionOf = t.nameAt(after + 2);
            after += 2 + t.nameLength(after + 2);
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        if (t.raw(after).equals("(")) {
            int close = closing(t.all(), after);
            for (List<String> element : StatementTokens.splitTopLevel(t.all().subList(after + 1, close))) {
                if (element.isEmpty()) {
                    continue;
                }
                if (DefinitionParser.TABLE_CONSTRAINT.contains(upper(element.get(0)))) {
                    TableConstraint c = DefinitionParser.tableConstraint(element);
                    if (c != null) {
                        constraints.add(c);
                    }
                } else {
                    columns.add(DefinitionParser.columnDef(element));
                }
            }
        }
        return new ParsedStatement.CreateTable(table, columns, constraints, partitionOf, false);
    }

    private static ParsedStatement drop(StatementTokens t) {
        if (t.is(1, "INDEX")) {
            boolean concurrently = t.is(2, "CONCURRENTLY");
            int i = t.skip(t.skip(2, "CONCURRENTLY"), "IF", "EXISTS");
            return new ParsedStatement.DropIndex(names(t, i), concurrently, 0);
        }
        if (t.is(1, "TABLE")) {
            return new ParsedStatement.DropTable(names(t, t.skip(2, "IF", "EXISTS")), 0);
        }
        if (t.is(1, "VIEW") || t.is(1, "MATERIALIZED") && t.is(2, "VIEW")) {
            int from = t.is(1, "VIEW") ? 2 : 3;
            return new ParsedStatement.DropView(names(t, t.skip(from, "IF", "EXISTS")), 0);
        }
        if (t.is(1, "TRIGGER")) {
            return trigger(t, false, 2);
        }
        if (t.is(1, "TYPE")) {
            return new ParsedStatement.DropType(names(t, t.skip(2, "IF", "EXISTS")), 0);
        }
        return new ParsedStatement.Other("DROP");
    }

    /** The table after the trigger's top-level {@code ON} (the events come before it). */
    private static ParsedStatement trigger(StatementTokens t, boolean create, int from) {
        int on = t.topLevel("ON", from);
        return on < 0 || !t.isName(on + 1) ? new ParsedStatement.Other(create ? "CREATE" : "DROP")
                : new ParsedStatement.Trigger(create, t.nameAt(on + 1));
    }

    private static ParsedStatement reindex(StatementTokens t) {
        int i = 1;
        if (t.raw(1).equals("(")) {
            i = closing(t.all(), 1) + 1;
        }
        String scope = t.word(i);
        boolean concurrently = t.is(i + 1, "CONCURRENTLY");
        return new ParsedStatement.Reindex(scope, t.nameAt(t.skip(i + 1, "CONCURRENTLY")), concurrently, 0);
    }

    private static ParsedStatement truncate(StatementTokens t) {
        int i = t.skip(t.skip(1, "TABLE"), "ONLY");
        return new ParsedStatement.Truncate(names(t, i), t.containsWord("CASCADE"), 0);
    }

    private static ParsedStatement vacuum(StatementTokens t) {
        boolean full = false;
        int i = 1;
        if (t.raw(1).equals("(")) {
            int close = closing(t.all(), 1);
            for (String option : t.all().subList(2, close)) {
                full |= option.equalsIgnoreCase("FULL");
            }
            i = close + 1;
        } else {
            while (Set.of("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE").contains(t.word(i))) {
                full |= t.is(i, "FULL");
                i++;
            }
        }
        return new ParsedStatement.Vacuum(full, names(t, i), 0);
    }

    private static ParsedStatement refresh(StatementTokens t) {
        int i = 3;
        boolean concurrently = t.is(i, "CONCURRENTLY");
        return new ParsedStatement.RefreshMaterializedView(t.nameAt(t.skip(i, "CONCURRENTLY")), concurrently, 0);
    }

    private static ParsedStatement dataChange(StatementTokens t, String verb, int i) {
        return new ParsedStatement.DataChange(verb, t.nameAt(i), t.topLevel("WHERE", i) >= 0, 0);
    }

    static List<QualifiedName> names(StatementTokens t, int i) {
        List<QualifiedName> names = new ArrayList<>();
        while (t.isName(i) && !Set.of("CASCADE", "RESTRICT").contains(t.word(i))) {
            names.add(t.nameAt(i));
            i += t.nameLength(i);
            if (!t.raw(i).equals(",")) {
                break;
            }
            i++;
        }
        return names;
    }

    static List<String> names(List<String> tokens) {
        List<String> names = new ArrayList<>();
        for (String t : tokens) {
            if (!t.equals(",")) {
                names.add(QualifiedName.identifier(t));
            }
        }
        return names;
    }

    static String name(StatementTokens t, int i) {
        return QualifiedName.identifier(t.raw(i));
    }

    static int closing(List<String> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).equals("(")) {
                depth++;
            } else if (tokens.get(i).equals(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    static boolean containsSequence(List<String> tokens, String a, String b) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).equalsIgnoreCase(a) && tokens.get(i + 1).equalsIgnoreCase(b)) {
                return true;
            }
        }
        return false;
    }

    static int firstPositive(int a, int b, int fallback) {
        int min = fallback;
        if (a >= 0) {
            min = Math.min(min, a);
        }
        if (b >= 0) {
            min = Math.min(min, b);
        }
        return min;
    }

    static String upper(String token) {
        return token.toUpperCase(java.util.Locale.ROOT);
    }
}
