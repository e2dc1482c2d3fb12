package dev.stepwise.run;

import dev.stepwise.StepwiseException;

import java.sql.SQLException;

/**
 * A migration's statement failed. Names the revision, the file and line of the statement, the
 * statement's first line and the server's error, and says what was kept.
 */
public final class MigrationFailedException extends StepwiseException {

    private final String revision;
    private final String location;
    private final String sqlState;

    public MigrationFailedException(String revision, String location, String statement, SQLException cause,
                                    String aftermath) {
        super(Category.FAILED, location + ": revision " + revision + " failed: " + DatabaseException.firstLine(
                cause.getMessage()) + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]")
                + "; statement: " + excerpt(statement) + "; " + aftermath, cause);
        this.revision = revision;
        this.location = location;
        this.sqlState = cause.getSQLState();
    }

    private static String excerpt(String statement) {
        String oneLine = statement.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    public String revision() {
        return revision;
    }

    /** {@code file:line} of the failing statement, or the class of a Java migration. */
    public String location() {
        return location;
    }

    public String sqlState() {
        return sqlState;
    }
}
