package dev.stepwise.postgres;

import dev.stepwise.StepwiseException;
import dev.stepwise.config.Secrets;
import dev.stepwise.dialect.ConnectionSpec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the two URL forms users have: pgjdbc's {@code jdbc:postgresql://...} and libpq's
 * {@code postgresql://user:password@host:port/db?sslmode=...} (the form psql and Alembic use).
 * Credentials found in either are taken out of the URL, so the URL itself can be shown.
 */
final class PostgresUrl {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    private PostgresUrl() {
    }

    static boolean accepts(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith(JDBC_PREFIX) || lower.startsWith("postgresql://") || lower.startsWith("postgres://");
    }

    static ConnectionSpec parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        ConnectionSpec spec = null;
        if (lower.startsWith(JDBC_PREFIX)) {
            spec = fromJdbc(url);
        } else if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            spec = fromLibpq(url.substring(url.indexOf("://") + 3));
        }
        if (spec != null) {
            requireReadableServer(spec.jdbcUrl(), url);
            return spec;
        }
        throw new StepwiseException(StepwiseException.Category.BAD_INPUT,
                "not a PostgreSQL URL: " + redactedForMessage(url)
                        + " (expected jdbc:postgresql://host/db or postgresql://user@host/db)");
    }

    /** pgjdbc accepts user and password as query parameters; lift them out. */
    private static ConnectionSpec fromJdbc(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return new ConnectionSpec(url, null, null);
        }
        Query query = Query.parse(url.substring(q + 1));
        String base = url.substring(0, q);
        return new ConnectionSpec(query.rest().isEmpty() ? base : base + "?" + query.rest(), query.user, query.password);
    }

    /** Where a libpq URL's {@code [user[:password]@]host[:port]} ends: at the first / or ?, whichever comes first. */
    private static int authorityEnd(String rest) {
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        return slash >= 0 && (question < 0 || slash < question) ? slash : (question >= 0 ? question : rest.length());
    }

    private static ConnectionSpec fromLibpq(String rest) {
        String user = null;
        String password = null;
        int authorityEnd = authorityEnd(rest);
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        if (authority.isEmpty()) {
            authority = "localhost";
        }
        String path = tail;
        String queryString = "";
        int q = tail.indexOf('?');
        if (q >= 0) {
            path = tail.substring(0, q);
            queryString = tail.substring(q + 1);
        }
        String database = path.startsWith("/") ? path.substring(1) : path;
        Query query = Query.parse(queryString);
        if (query.user != null) {
            user = query.user;
        }
        if (query.password != null) {
            password = query.password;
        }
        if (database.isEmpty()) {
            // libpq defaults the database to the user name
            database = user != null ? user : "postgres";
        }
        String jdbc = "jdbc:postgresql://" + authority + "/" + database
                + (query.rest().isEmpty() ? "" : "?" + query.rest());
        return new ConnectionSpec(jdbc, emptyToNull(user), emptyToNull(password));
    }

    /**
     * pgjdbc finds a bad host, port or database only when connecting, reports it as a connection
     * failure with the URL in its message, and logs a warning to stderr on its own; a URL that
     * cannot name a server and a database is bad configuration.
     */
    private static void requireReadableServer(String jdbcUrl, String url) {
        String hostsPrefix = JDBC_PREFIX + "//";
        if (!jdbcUrl.regionMatches(true, 0, hostsPrefix, 0, hostsPrefix.length())) {
            return;
        }
        String rest = jdbcUrl.substring(hostsPrefix.length());
        int end = rest.length();
        for (char c : new char[] {'/', '?'}) {
            int i = rest.indexOf(c);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        for (String host : rest.substring(0, end).split(",", -1)) {
            String problem = hostProblem(host);
            if (problem != null) {
                throw unreadable(url, problem);
            }
        }
        int query = rest.indexOf('?');
        String database = end < rest.length() && rest.charAt(end) == '/'
                ? rest.substring(end + 1, query < 0 ? rest.length() : Math.max(query, end + 1)) : "";
        if (!DATABASE.matcher(database).matches()) {
            throw unreadable(url, "has database '" + database + "', which a URL cannot name (percent-encode its / @ :)");
        }
    }

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]*");
    private static final Pattern DATABASE = Pattern.compile("[^/@:]*");

    /** What is wrong with one {@code host[:port]} or {@code [ipv6][:port]}, or null when nothing is. */
    private static String hostProblem(String host) {
        String port;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || close + 1 < host.length() && host.charAt(close + 1) != ':') {
                return "has a malformed IPv6 host '" + host + "'";
            }
            port = close + 1 < host.length() ? host.substring(close + 2) : null;
        } else {
            int colon = host.lastIndexOf(':');
            String name = colon < 0 ? host : host.substring(0, colon);
            if (!HOST_NAME.matcher(name).matches()) {
                return "has host '" + name + "', which is no host name";
            }
            port = colon < 0 ? null : host.substring(colon + 1);
        }
        if (port != null && !(port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1
                && Integer.parseInt(port) <= 65535)) {
            return "has port '" + port + "', which is not a port number (1-65535)";
        }
        return null;
    }

    /**
     * A URL that does not read. When it holds an {@code @} that was not taken for the end of a
     * libpq user-info, what was taken for its host, port or database may be a piece of a password
     * written without percent-encoding (or given in a JDBC URL, which has no user-info), so it is
     * not repeated.
     */
    private static StepwiseException unreadable(String url, String problem) {
        String rest = url.substring(url.indexOf("://") + 3);
        int userInfoEnd = url.toLowerCase(Locale.ROOT).startsWith(JDBC_PREFIX) ? -1
                : rest.substring(0, authorityEnd(rest)).lastIndexOf('@');
        boolean strayAt = rest.indexOf('@', userInfoEnd + 1) >= 0;
        return new StepwiseException(StepwiseException.Category.BAD_INPUT, "the URL " + redactedForMessage(url) + " "
                + (strayAt ? "does not read as host:port/database: a user or password holding / ? @ : # or %"
                + " must be percent-encoded (%2F %3F %40 %3A %23 %25), and given in a postgresql:// URL or as"
                + " user= and password= parameters" : problem));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Percent-decoding of a user, password or parameter. A {@code %} that starts no escape is bad
     * input, reported without the text around it, which may be a password.
     */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "a user, password or parameter of the"
                    + " URL is not percent-encoded: a % must be written %25 (and in a password @ : / ? & # as"
                    + " %40 %3A %2F %3F %26 %23)");
        }
    }

    /** A URL fit for an error message: any password removed. */
    static String redactedForMessage(String url) {
        return Secrets.redactUrl(url);
    }

    /** Query parameters with {@code user} and {@code password} taken out. */
    private static final class Query {
        private String user;
        private String password;
        private final List<String> others = new ArrayList<>();

        private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

        /**
         * Splits at {@code &}. A pair whose name is no parameter name, or one without a value
         * after the password, is most likely the rest of a password holding an unencoded
         * {@code &}: bad input, reported without the pair.
         */
        static Query parse(String queryString) {
            Query query = new Query();
            if (queryString.isEmpty()) {
                return query;
            }
            boolean afterPassword = false;
            for (String pair : queryString.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq >= 0 ? pair.substring(0, eq) : pair;
                if (!pair.isEmpty() && (!NAME.matcher(key).matches() || afterPassword && eq < 0)) {
                    throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "the parameters of the URL do"
                            + " not read as name=value pairs: a password (or other value) holding & # or % must be"
                            + " percent-encoded (%26 %23 %25)");
                }
                String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
                switch (key) {
                    case "user" -> query.user = value;
                    case "password" -> {
                        query.password = value;
                        afterPassword = true;
                    }
                    case "dbname", "host", "port" -> query.others.add(pair); // rare in URIs; pgjdbc ignores or reads
                    default -> query.others.add(pair);
                }
            }
            return query;
        }

        String rest() {
            return String.join("&", others);
        }
    }
}
