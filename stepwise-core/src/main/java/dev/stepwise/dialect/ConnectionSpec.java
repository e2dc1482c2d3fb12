package dev.stepwise.dialect;

/**
 * A JDBC URL and the credentials a user-given URL carried. {@code toString()} never shows the
 * password.
 */
public record ConnectionSpec(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
        return "ConnectionSpec[" + jdbcUrl + ", user=" + user + "]";
    }
}
