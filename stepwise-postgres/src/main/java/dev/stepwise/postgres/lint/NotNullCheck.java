package dev.stepwise.postgres.lint;

import dev.stepwise.postgres.parse.ParsedStatement.TableConstraint;
import dev.stepwise.postgres.statement.QualifiedName;

import java.util.List;

/**
 * Recognises {@code CHECK (col IS NOT NULL)}: validated, it lets {@code SET NOT NULL} skip its
 * full scan (PostgreSQL 12+), which makes it the safe way to make a column required.
 */
final class NotNullCheck {

    private NotNullCheck() {
    }

    /** The column a constraint checks for NOT NULL, or null when it is not such a check. */
    static String column(TableConstraint c) {
        if (c == null || c.kind() != TableConstraint.Kind.CHECK) {
            return null;
        }
        return column(c.check());
    }

    static String column(List<String> expression) {
        List<String> e = expression.stream().filter(t -> !t.equals("(") && !t.equals(")")).toList();
        if (e.size() == 4 && e.get(1).equalsIgnoreCase("IS") && e.get(2).equalsIgnoreCase("NOT")
                && e.get(3).equalsIgnoreCase("NULL")) {
            return QualifiedName.identifier(e.get(0));
        }
        return null;
    }

    /** The same for a definition as {@code pg_get_constraintdef} writes it: {@code CHECK ((col IS NOT NULL))}. */
    static String columnOfDefinition(String definition) {
        String d = definition.replaceAll("[()]", " ").replaceAll("\\s+", " ").strip();
        String[] words = d.split(" ");
        if (words.length == 5 && words[0].equalsIgnoreCase("CHECK") && words[2].equalsIgnoreCase("IS")
                && words[3].equalsIgnoreCase("NOT") && words[4].equalsIgnoreCase("NULL")) {
            return QualifiedName.identifier(words[1]);
        }
        return null;
    }
}
