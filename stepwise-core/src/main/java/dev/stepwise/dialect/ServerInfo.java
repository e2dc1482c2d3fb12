package dev.stepwise.dialect;

/**
 * The server a run talks to.
 *
 * @param product      e.g. {@code PostgreSQL}
 * @param version      the full version string, e.g. {@code 17.7}
 * @param majorVersion e.g. 17
 * @param database     the current database name
 * @param user         the current user
 */
public record ServerInfo(String product, String version, int majorVersion, String database, String user) {
}
