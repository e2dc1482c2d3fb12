package dev.stepwise.cli;

import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stepwise.dialect.EmbeddedServer;
import dev.stepwise.dialect.EmbeddedServerProvider;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alembic user's first session, as a golden transcript: init, three revisions filled with
 * SQL, upgrade, current, history, downgrade -1, upgrade +1, downgrade base, upgrade --sql. Fixes
 * every line of output, the revision after each step and every exit code.
 *
 * <p>To accept a deliberate change of output: {@code mvn -pl stepwise-cli test
 * -Dtest=GoldenTranscriptTest -Dstepwise.golden.update=true}, then review the diff.
 */
class GoldenTranscriptTest {

    private static final List<String> UP_SQL = List.of(
            "CREATE TABLE users (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    name varchar(255) NOT NULL\n);",
            "ALTER TABLE users ADD COLUMN email varchar(255);",
            "CREATE INDEX CONCURRENTLY ix_users_email ON users (email);");
    private static final List<String> DOWN_SQL = List.of(
            "DROP TABLE users;",
            "ALTER TABLE users DROP COLUMN email;",
            "DROP INDEX CONCURRENTLY ix_users_email;");

    @TempDir
    Path project;

    @Test
    void aliceFirstSession_onExternalPostgres() throws IOException {
        TestDatabase db = TestPostgres.server().newDatabase();
        Map<String, String> env = new HashMap<>();
        Transcript transcript = session(env, List.of("--url", db.url(), "--user", "postgres"), db);
        compare("workflow-url.txt", transcript.text());
    }

    @Test
    void aliceFirstSession_onTheEmbeddedDefault() throws IOException {
        Transcript transcript = session(new HashMap<>(), List.of(), null);
        compare("workflow-embedded.txt", transcript.text());
    }

    private Transcript session(Map<String, String> env, List<String> connection, TestDatabase db) throws IOException {
        Transcript t = new Transcript(project);
        run(t, env, List.of(), "init");
        List<Path> created = new ArrayList<>();
        created.add(createdFile(run(t, env, List.of(), "revision", "-m", "create users")));
        created.add(createdFile(run(t, env, List.of(), "revision", "-m", "add users email")));
        created.add(createdFile(run(t, env, List.of(), "revision", "-m", "index users email")));
        fillMigrations(created);
        run(t, env, connection, "upgrade", "head");
        revisionIs(t, db, List.of("REV3"));
        run(t, env, connection, "current");
        run(t, env, List.of(), "history");
        run(t, env, connection, "downgrade", "-1");
        revisionIs(t, db, List.of("REV2"));
        run(t, env, connection, "upgrade", "+1");
        revisionIs(t, db, List.of("REV3"));
        run(t, env, connection, "downgrade", "base");
        revisionIs(t, db, List.of());
        run(t, env, List.of(), "upgrade", "head", "--sql");
        return t;
    }

    private static Path createdFile(CliRun run) {
        assertThat(run.out()).startsWith("created ");
        return Path.of(run.out().strip().substring("created ".length()));
    }

    private CliRun run(Transcript t, Map<String, String> env, List<String> connection, String... args) {
        List<String> line = new ArrayList<>(List.of("-C", project.toString()));
        line.addAll(List.of(args));
        line.addAll(connection);
        CliRun result = CliRun.of(env, line.toArray(String[]::new));
        t.record(String.join(" ", args), result);
        return result;
    }

    private void revisionIs(Transcript t, TestDatabase db, List<String> expected) {
        List<String> rows = db != null ? db.column("SELECT revision FROM stepwise_version ORDER BY revision")
                : embeddedVersionRows();
        List<String> named = rows.stream().map(t::nameOf).sorted().toList();
        t.note("stepwise_version: " + (named.isEmpty() ? "(empty)" : String.join(", ", named)));
        assertThat(named).isEqualTo(expected);
    }

    /** Joins the project's embedded server (as another holder) and reads the version table. */
    private List<String> embeddedVersionRows() {
        EmbeddedServerProvider provider = ServiceLoader.load(EmbeddedServerProvider.class).findFirst().orElseThrow();
        try (EmbeddedServer server = provider.open(project.resolve(".stepwise"));
             Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT revision FROM stepwise_version ORDER BY revision")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills the three generated files the way a user would in an editor. */
    private void fillMigrations(List<Path> files) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            String text = Files.readString(files.get(i));
            assertThat(text).contains("-- +up\n\n\n-- +down\n");
            text = text.replace("-- +up\n\n\n-- +down\n", "-- +up\n" + UP_SQL.get(i) + "\n\n-- +down\n" + DOWN_SQL.get(i) + "\n");
            Files.writeString(files.get(i), text, StandardCharsets.UTF_8);
        }
    }

    static void compare(String name, String actual) throws IOException {
        Path golden = Path.of("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("stepwise.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
