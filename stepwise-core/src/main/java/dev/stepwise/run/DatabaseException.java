package dev.stepwise.run;

import dev.stepwise.StepwiseException;

import java.sql.SQLException;

/** A database call outside any migration statement failed; says what Stepwise was doing. */
public final class DatabaseException extends StepwiseException {

    public DatabaseException(String doing, SQLException cause) {
        super(Category.FAILED, doing + " failed: " + firstLine(cause.getMessage())
                + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]"), cause);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message.trim() : message.substring(0, nl).trim();
    }
}
