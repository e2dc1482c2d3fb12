package dev.stepwise.postgres;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.ConnectionSpec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
            requireValidPorts(spec.jdbcUrl(), url);
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

    private static ConnectionSpec fromLibpq(String rest) {
        String user = null;
        String password = null;
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        int authorityEnd = slash >= 0 ? slash : (question >= 0 ? question : rest.length());
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
     * pgjdbc finds a bad port only when connecting, reports it as a connection failure and logs
     * a warning to stderr on its own; a URL that cannot name a server is bad configuration.
     */
    private static void requireValidPorts(String jdbcUrl, String url) {
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
            String port = portOf(host, url);
            if (port != null && !(port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1
                    && Integer.parseInt(port) <= 65535)) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "the URL "
                        + redactedForMessage(url) + " has port '" + port + "', which is not a port number (1-65535)");
            }
        }
    }

    /** The port of one {@code host[:port]} or {@code [ipv6][:port]}, or null when none is given. */
    private static String portOf(String host, String url) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || close + 1 < host.length() && host.charAt(close + 1) != ':') {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "the URL "
                        + redactedForMessage(url) + " has a malformed IPv6 host '" + host + "'");
            }
            return close + 1 < host.length() ? host.substring(close + 2) : null;
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? null : host.substring(colon + 1);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A URL fit for an error message: the user-info and any password parameter removed. */
    static String redactedForMessage(String url) {
        return url.replaceAll("//[^/@?]*@", "//***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Query parameters with {@code user} and {@code password} taken out. */
    private static final class Query {
        private String user;
        private String password;
        private final List<String> others = new ArrayList<>();

        static Query parse(String queryString) {
            Query query = new Query();
            if (queryString.isEmpty()) {
                return query;
            }
            for (String pair : queryString.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq >= 0 ? pair.substring(0, eq) : pair;
                String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
                switch (key) {
                    case "user" -> query.user = value;
                    case "password" -> query.password = value;
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
