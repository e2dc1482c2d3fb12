package dev.stepwise.postgres.parse;

import dev.stepwise.postgres.parse.ParsedStatement.AddColumn;
import dev.stepwise.postgres.parse.ParsedStatement.AddConstraint;
import dev.stepwise.postgres.parse.ParsedStatement.AlterAction;
import dev.stepwise.postgres.parse.ParsedStatement.AlterColumnType;
import dev.stepwise.postgres.parse.ParsedStatement.ColumnDef;
import dev.stepwise.postgres.parse.ParsedStatement.References;
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

    /** Words that end a column's type and start its constraints. */
    private static final Set<String> COLUMN_CONSTRAINT = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY",
            "UNIQUE", "REFERENCES", "CHECK", "GENERATED", "COLLATE", "DEFERRABLE", "INITIALLY", "COMPRESSION",
            "STORAGE", "USING");
    private static final Set<String> TABLE_CONSTRAINT = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN",
            "EXCLUDE", "LIKE");

    private StatementParser() {
    }

    public static ParsedStatement parse(List<String> tokenList) {
        StatementTokens t = new StatementTokens(tokenList);
        try {
            return switch (t.word(0)) {
                case "CREATE" -> create(t);
                case "DROP" -> drop(t);
                case "REINDEX" -> reindex(t);
                case "ALTER" -> alter(t);
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
        i = t.skip(t.skip(i, "ON"), "ONLY");
        return new ParsedStatement.CreateIndex(name, t.nameAt(i), unique, concurrently, 0);
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
                if (TABLE_CONSTRAINT.contains(upper(element.get(0)))) {
                    TableConstraint c = tableConstraint(element);
                    if (c != null) {
                        constraints.add(c);
                    }
                } else {
                    columns.add(columnDef(element));
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

    private static ParsedStatement alter(StatementTokens t) {
        if (t.is(1, "TYPE")) {
            int i = 2 + t.nameLength(2);
            if (t.isSequence(i, "RENAME", "VALUE")) {
                return new ParsedStatement.RenameEnumValue(t.nameAt(2), t.stringValue(i + 2), t.stringValue(i + 4), i);
            }
            return new ParsedStatement.Other("ALTER");
        }
        if (!t.is(1, "TABLE")) {
            return new ParsedStatement.Other("ALTER");
        }
        int i = t.skip(t.skip(2, "IF", "EXISTS"), "ONLY");
        QualifiedName table = t.nameAt(i);
        i += t.nameLength(i);
        if (t.raw(i).equals("*")) {
            i++;
        }
        List<AlterAction> actions = new ArrayList<>();
        int start = i;
        List<String> rest = t.all().subList(i, t.size());
        for (List<String> part : StatementTokens.splitTopLevel(rest)) {
            actions.add(action(part, start));
            start += part.size() + 1;
        }
        return new ParsedStatement.AlterTable(table, actions);
    }

    private static AlterAction action(List<String> tokens, int at) {
        StatementTokens a = new StatementTokens(tokens);
        switch (a.word(0)) {
            case "ADD" -> {
                int i = 1;
                if (a.is(1, "CONSTRAINT") || TABLE_CONSTRAINT.contains(a.word(1))) {
                    List<String> def = tokens.subList(1, tokens.size());
                    boolean notValid = containsSequence(def, "NOT", "VALID");
                    return new AddConstraint(tableConstraint(def), notValid, at);
                }
                i = a.skip(a.skip(i, "COLUMN"), "IF", "NOT", "EXISTS");
                return new AddColumn(columnDef(tokens.subList(i, tokens.size())), at);
            }
            case "DROP" -> {
                if (a.is(1, "CONSTRAINT")) {
                    return new ParsedStatement.DropConstraint(name(a, a.skip(2, "IF", "EXISTS")), at);
                }
                int i = a.skip(a.skip(1, "COLUMN"), "IF", "EXISTS");
                return new ParsedStatement.DropColumn(name(a, i), at);
            }
            case "ALTER" -> {
                int i = a.skip(1, "COLUMN");
                String column = name(a, i);
                int j = i + 1;
                if (a.isSequence(j, "SET", "DATA", "TYPE") || a.is(j, "TYPE")) {
                    int typeStart = a.is(j, "TYPE") ? j + 1 : j + 3;
                    int using = a.topLevel("USING", typeStart);
                    int collate = a.topLevel("COLLATE", typeStart);
                    int typeEnd = firstPositive(using, collate, tokens.size());
                    List<String> usingTokens = using < 0 ? List.of() : tokens.subList(using + 1, tokens.size());
                    return new AlterColumnType(column, PgType.parse(tokens.subList(typeStart, typeEnd)), usingTokens, at);
                }
                if (a.isSequence(j, "SET", "NOT", "NULL")) {
                    return new ParsedStatement.SetNotNull(column, at);
                }
                if (a.isSequence(j, "DROP", "NOT", "NULL")) {
                    return new ParsedStatement.DropNotNull(column, at);
                }
                if (a.isSequence(j, "SET", "DEFAULT")) {
                    return new ParsedStatement.SetDefault(column, tokens.subList(j + 2, tokens.size()), at);
                }
                return new ParsedStatement.OtherAction(String.join(" ", tokens), at);
            }
            case "VALIDATE" -> {
                return new ParsedStatement.ValidateConstraint(name(a, 2), at);
            }
            case "RENAME" -> {
                if (a.is(1, "TO")) {
                    return new ParsedStatement.RenameTable(name(a, 2), at);
                }
                if (a.is(1, "CONSTRAINT")) {
                    return new ParsedStatement.OtherAction("RENAME CONSTRAINT", at);
                }
                int i = a.skip(1, "COLUMN");
                return new ParsedStatement.RenameColumn(name(a, i), name(a, i + 2), at);
            }
            case "SET" -> {
                if (a.is(1, "TABLESPACE") || a.is(1, "LOGGED") || a.is(1, "UNLOGGED")) {
                    return new ParsedStatement.Rewrite("SET " + a.word(1), at);
                }
                return new ParsedStatement.OtherAction(String.join(" ", tokens), at);
            }
            case "ATTACH" -> {
                return new ParsedStatement.AttachPartition(a.nameAt(2), at);
            }
            case "DETACH" -> {
                return new ParsedStatement.DetachPartition(a.nameAt(2), a.containsWord("CONCURRENTLY"), at);
            }
            default -> {
                return new ParsedStatement.OtherAction(String.join(" ", tokens), at);
            }
        }
    }

    /** {@code name type [constraints]}, as in a table definition or {@code ADD COLUMN}. */
    static ColumnDef columnDef(List<String> tokens) {
        StatementTokens c = new StatementTokens(tokens);
        String name = name(c, 0);
        int typeEnd = 1;
        int depth = 0;
        while (typeEnd < tokens.size()) {
            String t = tokens.get(typeEnd);
            if (t.equals("(") || t.equals("[")) {
                depth++;
            } else if (t.equals(")") || t.equals("]")) {
                depth--;
            } else if (depth == 0 && COLUMN_CONSTRAINT.contains(c.word(typeEnd))) {
                break;
            }
            typeEnd++;
        }
        PgType type = typeEnd > 1 ? PgType.parse(tokens.subList(1, typeEnd)) : null;
        boolean notNull = false;
        boolean primaryKey = false;
        boolean unique = false;
        List<String> defaultValue = null;
        String identity = null;
        List<String> generated = null;
        References references = null;
        List<String> check = null;
        int i = typeEnd;
        while (i < tokens.size()) {
            if (c.is(i, "CONSTRAINT")) {
                i += 2;
            } else if (c.isSequence(i, "NOT", "NULL")) {
                notNull = true;
                i += 2;
            } else if (c.is(i, "NULL")) {
                i++;
            } else if (c.is(i, "DEFAULT")) {
                int end = nextConstraint(c, i + 1);
                defaultValue = tokens.subList(i + 1, end);
                i = end;
            } else if (c.isSequence(i, "PRIMARY", "KEY")) {
                primaryKey = true;
                notNull = true;
                i += 2;
            } else if (c.is(i, "UNIQUE")) {
                unique = true;
                i++;
            } else if (c.is(i, "REFERENCES")) {
                QualifiedName target = c.nameAt(i + 1);
                int j = i + 1 + c.nameLength(i + 1);
                List<String> refColumns = new ArrayList<>();
                if (c.raw(j).equals("(")) {
                    int close = closing(tokens, j);
                    refColumns = names(tokens.subList(j + 1, close));
                    j = close + 1;
                }
                references = new References(target, refColumns);
                i = nextConstraint(c, j);
            } else if (c.is(i, "CHECK")) {
                int close = closing(tokens, i + 1);
                check = tokens.subList(i + 2, close);
                i = close + 1;
            } else if (c.is(i, "GENERATED")) {
                if (c.isSequence(i + 1, "ALWAYS", "AS", "IDENTITY") || c.isSequence(i + 1, "BY", "DEFAULT", "AS", "IDENTITY")) {
                    identity = c.is(i + 1, "ALWAYS") ? "ALWAYS" : "BY DEFAULT";
                    i = nextConstraint(c, i + (identity.equals("ALWAYS") ? 4 : 5));
                } else {
                    int open = i + 3;
                    int close = closing(tokens, open);
                    generated = tokens.subList(open + 1, close);
                    i = close + 1;
                }
            } else {
                i++;
            }
        }
        return new ColumnDef(name, type, notNull, defaultValue, identity, generated, primaryKey, unique, references, check);
    }

    /** A table constraint, from {@code CONSTRAINT name ...} or the constraint's keyword on. */
    static TableConstraint tableConstraint(List<String> tokens) {
        StatementTokens c = new StatementTokens(tokens);
        String name = null;
        int i = 0;
        if (c.is(0, "CONSTRAINT")) {
            name = name(c, 1);
            i = 2;
        }
        if (c.is(i, "CHECK")) {
            int close = closing(tokens, i + 1);
            return new TableConstraint(name, TableConstraint.Kind.CHECK, List.of(), null, tokens.subList(i + 2, close), null);
        }
        if (c.is(i, "UNIQUE") || c.isSequence(i, "PRIMARY", "KEY")) {
            TableConstraint.Kind kind = c.is(i, "UNIQUE") ? TableConstraint.Kind.UNIQUE : TableConstraint.Kind.PRIMARY_KEY;
            int j = kind == TableConstraint.Kind.UNIQUE ? i + 1 : i + 2;
            j = c.skip(j, "NULLS", "NOT", "DISTINCT");
            j = c.skip(j, "NULLS", "DISTINCT");
            if (c.isSequence(j, "USING", "INDEX")) {
                return new TableConstraint(name, kind, List.of(), null, null, name(c, j + 2));
            }
            List<String> columns = List.of();
            if (c.raw(j).equals("(")) {
                columns = names(tokens.subList(j + 1, closing(tokens, j)));
            }
            return new TableConstraint(name, kind, columns, null, null, null);
        }
        if (c.isSequence(i, "FOREIGN", "KEY")) {
            int open = i + 2;
            int close = closing(tokens, open);
            List<String> columns = names(tokens.subList(open + 1, close));
            int r = close + 1;
            QualifiedName target = c.nameAt(r + 1);
            int j = r + 1 + c.nameLength(r + 1);
            List<String> refColumns = List.of();
            if (c.raw(j).equals("(")) {
                refColumns = names(tokens.subList(j + 1, closing(tokens, j)));
            }
            return new TableConstraint(name, TableConstraint.Kind.FOREIGN_KEY, columns, new References(target, refColumns),
                    null, null);
        }
        if (c.is(i, "EXCLUDE")) {
            return new TableConstraint(name, TableConstraint.Kind.EXCLUDE, List.of(), null, null, null);
        }
        return null;
    }

    private static int nextConstraint(StatementTokens c, int from) {
        int depth = 0;
        for (int i = from; i < c.size(); i++) {
            String t = c.raw(i);
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
            } else if (depth == 0 && Set.of("CONSTRAINT", "NOT", "NULL", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK",
                    "GENERATED", "COLLATE", "DEFERRABLE", "INITIALLY", "ON", "MATCH").contains(c.word(i))
                    && !(c.is(i, "NOT") && c.is(i + 1, "DEFERRABLE"))) {
                return i;
            }
        }
        return c.size();
    }

    private static List<QualifiedName> names(StatementTokens t, int i) {
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

    private static List<String> names(List<String> tokens) {
        List<String> names = new ArrayList<>();
        for (String t : tokens) {
            if (!t.equals(",")) {
                names.add(QualifiedName.identifier(t));
            }
        }
        return names;
    }

    private static String name(StatementTokens t, int i) {
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

    private static boolean containsSequence(List<String> tokens, String a, String b) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).equalsIgnoreCase(a) && tokens.get(i + 1).equalsIgnoreCase(b)) {
                return true;
            }
        }
        return false;
    }

    private static int firstPositive(int a, int b, int fallback) {
        int min = fallback;
        if (a >= 0) {
            min = Math.min(min, a);
        }
        if (b >= 0) {
            min = Math.min(min, b);
        }
        return min;
    }

    private static String upper(String token) {
        return token.toUpperCase(java.util.Locale.ROOT);
    }
}
