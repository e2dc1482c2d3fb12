package dev.stepwise.postgres.parse;

import dev.stepwise.postgres.parse.ParsedStatement.ColumnDef;
import dev.stepwise.postgres.parse.ParsedStatement.References;
import dev.stepwise.postgres.parse.ParsedStatement.TableConstraint;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.postgres.statement.StatementTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.stepwise.postgres.parse.StatementParser.closing;
import static dev.stepwise.postgres.parse.StatementParser.name;
import static dev.stepwise.postgres.parse.StatementParser.names;

/**
 * Reads column and table-constraint definitions as {@code CREATE TABLE} and {@code ALTER TABLE
 * ... ADD} write them: a column's type, nullability, default, identity, generated expression and
 * inline constraints; a constraint's kind, columns, referenced table and check expression.
 */
final class DefinitionParser {

    /** Words that end a column's type and start its constraints. */
    static final Set<String> COLUMN_CONSTRAINT = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY",
            "UNIQUE", "REFERENCES", "CHECK", "GENERATED", "COLLATE", "DEFERRABLE", "INITIALLY", "COMPRESSION",
            "STORAGE", "USING");
    static final Set<String> TABLE_CONSTRAINT = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN",
            "EXCLUDE", "LIKE");

    private DefinitionParser() {
    }

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
}
