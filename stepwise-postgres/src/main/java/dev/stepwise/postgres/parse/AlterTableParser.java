package dev.stepwise.postgres.parse;

import dev.stepwise.postgres.parse.ParsedStatement.AddColumn;
import dev.stepwise.postgres.parse.ParsedStatement.AddConstraint;
import dev.stepwise.postgres.parse.ParsedStatement.AlterAction;
import dev.stepwise.postgres.parse.ParsedStatement.AlterColumnType;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.postgres.statement.StatementTokens;

import java.util.ArrayList;
import java.util.List;

import static dev.stepwise.postgres.parse.StatementParser.containsSequence;
import static dev.stepwise.postgres.parse.StatementParser.firstPositive;
import static dev.stepwise.postgres.parse.StatementParser.name;

/**
 * Reads {@code ALTER TABLE} (and {@code ALTER TYPE ... RENAME VALUE}) for {@link StatementParser}:
 * the table, then each top-level subcommand as an {@link AlterAction}, with its token position so
 * a finding can underline the one it is about.
 */
final class AlterTableParser {

    private AlterTableParser() {
    }

    static ParsedStatement alter(StatementTokens t) {
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
                if (a.is(1, "CONSTRAINT") || DefinitionParser.TABLE_CONSTRAINT.contains(a.word(1))) {
                    List<String> def = tokens.subList(1, tokens.size());
                    boolean notValid = containsSequence(def, "NOT", "VALID");
                    return new AddConstraint(DefinitionParser.tableConstraint(def), notValid, at);
                }
                i = a.skip(a.skip(i, "COLUMN"), "IF", "NOT", "EXISTS");
                return new AddColumn(DefinitionParser.columnDef(tokens.subList(i, tokens.size())), at);
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
}
