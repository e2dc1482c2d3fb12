package dev.stepwise.command;

import dev.stepwise.StepwiseException;

/**
 * The database could not be reached or refused the login. Names the URL (without its password)
 * and the user, never the password; the driver's own cause is left out because it may carry the
 * URL as given.
 */
public final class ConnectionFailedException extends StepwiseException {

    private final String sqlState;

    public ConnectionFailedException(String where, String driverMessage, String sqlState) {
        super(Category.FAILED, "could not connect to " + where + ": " + firstLine(driverMessage)
                + (sqlState == null ? "" : " [SQLSTATE " + sqlState + "]"));
        this.sqlState = sqlState;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message.trim() : message.substring(0, nl).trim();
    }

    public String sqlState() {
        return sqlState;
    }
}
