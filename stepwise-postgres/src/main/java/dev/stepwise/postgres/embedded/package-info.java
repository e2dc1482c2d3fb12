/**
 * The embedded default server: a real PostgreSQL (binaries from zonky's Maven artifacts) that
 * Stepwise starts when no database URL is configured, with its data kept in the project.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>Binaries are unpacked once per user into {@code ~/.cache/stepwise/postgres/<archive>-<crc>}
 *       (see {@link dev.stepwise.postgres.embedded.PostgresBinaries}); zonky's own lifecycle is not
 *       used, because its {@code EmbeddedPostgres} owns one server per object (it stops the server
 *       on close and refuses a data directory another instance has locked) and hashes the 15 MB
 *       archive on every start.</li>
 *   <li>The data directory is {@code .stepwise/pg<major>}; a directory written by another major
 *       version is a {@link dev.stepwise.postgres.embedded.DataDirectoryVersionMismatch}.</li>
 *   <li>Database {@code stepwise}, user {@code postgres}, no password: {@code initdb -A trust}
 *       trusts only local and loopback connections, and the server listens on 127.0.0.1 only
 *       (no Unix socket), on a free port chosen at each start. Migrations land in a database of
 *       their own, so {@code DROP DATABASE stepwise} from {@code postgres} starts afresh.</li>
 *   <li>{@code fsync} and {@code synchronous_commit} stay on: the data is kept between runs, and a
 *       cluster corrupted by a machine crash would be far more confusing than the milliseconds
 *       saved on a developer's migrations. Encoding UTF8, locale C on every machine.</li>
 *   <li>Processes share the server through {@code .stepwise/pg17.lock} (held only while starting,
 *       joining, leaving or stopping) and one holder file per open reference in
 *       {@code .stepwise/pg17.holders/}; the last one out asks for a fast shutdown and does not
 *       wait for it, and the next starter waits for a stopping server to be gone.</li>
 *   <li>As root, the tools run under {@code unshare -U} (as zonky does), since PostgreSQL refuses
 *       to run as root.</li>
 * </ul>
 */
package dev.stepwise.postgres.embedded;
