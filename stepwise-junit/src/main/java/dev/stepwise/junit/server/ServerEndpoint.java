package dev.stepwise.junit.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL database is reached: a JDBC URL without credentials, and the user and
 * password to connect with (either may be null). {@code toString()} never shows the password.
 */
public record ServerEndpoint(String jdbcUrl, String user, String password) {

    // jdbc:postgresql://host[:port][,host2...]/database?params, and the hostless jdbc:postgresql:database
    private static final Pattern WITH_HOST = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");
    private static final Pattern WITHOUT_HOST = Pattern.compile("(jdbc:postgresql:)(?!//)([^?]*)(\\?.*)?");

    public ServerEndpoint {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
    }

    /** The same server and credentials, on another database. */
    public ServerEndpoint withDatabase(String database) {
        Matcher m = WITH_HOST.matcher(jdbcUrl);
        if (m.matches()) {
            return new ServerEndpoint(m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3)), user, password);
        }
        m = WITHOUT_HOST.matcher(jdbcUrl);
        if (m.matches()) {
            return new ServerEndpoint(m.group(1) + database + (m.group(3) == null ? "" : m.group(3)), user, password);
        }
        throw new IllegalArgumentException("cannot tell the database in " + jdbcUrl);
    }

    @Override
    public String toString() {
        return "ServerEndpoint[" + jdbcUrl + ", user=" + user + "]";
    }
}
