package dev.stepwise.compat;

/**
 * The server's answer when asked to prepare a statement: its shape, or the error it gave.
 *
 * @param shape null when it does not prepare
 * @param error the server's message when it does not prepare, else null
 */
public record Description(StatementShape shape, String error) {

    public static Description prepared(StatementShape shape) {
        return new Description(shape, null);
    }

    public static Description refused(String error) {
        return new Description(null, error);
    }

    public boolean prepares() {
        return shape != null;
    }
}
