package dev.stepwise.sql;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each token of a statement stands in its file, for pointing at the part of a statement a
 * finding is about. Statements keep only their tokens' text; the positions are found again by
 * lexing the statement's text, which only a report needs.
 */
public final class TokenPositions {

    /** A 1-based position in the file. */
    public record Position(int line, int column) {
    }

    private TokenPositions() {
    }

    /** The positions of the statement's tokens, in the order of {@link SqlStatement#tokens()}. */
    public static List<Position> of(SqlStatement statement) {
        List<Position> positions = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(new StringReader(statement.sql()), text -> false);
        for (SqlToken t = lexer.next(); t != null; t = lexer.next()) {
            if (t.isTrivia()) {
                continue;
            }
            int line = statement.line() + t.line() - 1;
            int column = t.line() == 1 ? statement.column() + t.column() - 1 : t.column();
            positions.add(new Position(line, column));
        }
        return positions;
    }
}
