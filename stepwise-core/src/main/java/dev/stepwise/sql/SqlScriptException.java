package dev.stepwise.sql;

import dev.stepwise.StepwiseException;

/**
 * SQL text the splitter cannot accept (an unterminated string, a psql meta-command, an explicit
 * {@code BEGIN}); carries the 1-based line and column where the problem starts.
 */
public final class SqlScriptException extends StepwiseException {

    private final int line;
    private final int column;

    public SqlScriptException(int line, int column, String problem) {
        super(Category.BAD_INPUT, "line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The problem without the position prefix, for callers that add the file name. */
    public String problem() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
