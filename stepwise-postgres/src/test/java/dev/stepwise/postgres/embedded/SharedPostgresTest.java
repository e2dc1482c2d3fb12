package dev.stepwise.postgres.embedded;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.EmbeddedServer;
import dev.stepwise.dialect.EmbeddedServerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedPostgresTest {

    @TempDir
    Path project;

    /** Child JVMs of this test, so that none outlives it when it fails half-way. */
    final List<Holder> children = new ArrayList<>();

    Path state() {
        return project.resolve(".stepwise");
    }

    Path dataDirectory() {
        return state().resolve("pg" + PostgresBinaries.unpacked().majorVersion());
    }

    @Test
    void theProvider_isFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(EmbeddedServerProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(EmbeddedPostgresProvider.class);
    }

    @Test
    void firstOpen_initialisesTheDataDirectory_andStartsTheServer() throws Exception {
        try (EmbeddedServer server = SharedPostgres.open(state())) {
            assertThat(dataDirectory().resolve("PG_VERSION")).content().isEqualToIgnoringNewLines("17");
            assertThat(server.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/stepwise");
            assertThat(query(server, "SELECT current_database() || ' ' || current_user")).isEqualTo("stepwise postgres");
            assertThat(query(server, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(server, "SHOW fsync")).isEqualTo("on");
        }
    }

    @Test
    void description_namesVersionDirectoryAndPort() {
        try (SharedPostgres server = SharedPostgres.open(state())) {
            assertThat(server.description()).isEqualTo("embedded PostgreSQL " + PostgresBinaries.unpacked().version()
                    + " in " + dataDirectory() + " (port " + server.port() + ")");
        }
    }

    @Test
    void secondOpen_sharesTheRunningServer_andClosingOneKeepsItUp() throws Exception {
        try (SharedPostgres second = SharedPostgres.open(state())) {
            SharedPostgres first = SharedPostgres.open(state());
            assertThat(second.port()).isEqualTo(first.port());
            long postmaster = postmasterPid();

            first.close();

            assertThat(query(second, "SELECT 1")).isEqualTo("1");
            assertThat(postmasterPid()).isEqualTo(postmaster);
        }
    }

    @Test
    void closingTheLastHolder_stopsTheServer() throws Exception {
        SharedPostgres server = SharedPostgres.open(state());
        long postmaster = postmasterPid();

        server.close();

        awaitExit(postmaster);
        assertThat(dataDirectory().resolve("postmaster.pid")).doesNotExist();
        assertThatThrownBy(() -> query(server, "SELECT 1")).isInstanceOf(SQLException.class);
    }

    @Test
    void closingTwice_letsGoOnlyOnce() throws Exception {
        try (SharedPostgres kept = SharedPostgres.open(state())) {
            SharedPostgres closedTwice = SharedPostgres.open(state());
            closedTwice.close();
            closedTwice.close();

            assertThat(query(kept, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void data_isKeptBetweenRuns() throws Exception {
        try (SharedPostgres server = SharedPostgres.open(state())) {
            execute(server, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }
        awaitStopped();

        try (SharedPostgres server = SharedPostgres.open(state())) {
            assertThat(query(server, "SELECT id FROM kept")).isEqualTo("42");
        }
    }

    @Test
    void openingRightAfterTheLastClose_waitsForTheOldServerToStop() throws Exception {
        SharedPostgres.open(state()).close();

        try (SharedPostgres server = SharedPostgres.open(state())) {
            assertThat(query(server, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void dataDirectoryOfAnotherMajorVersion_isAClearError() throws Exception {
        Files.createDirectories(dataDirectory());
        Files.writeString(dataDirectory().resolve("PG_VERSION"), "16\n");

        assertThatThrownBy(() -> SharedPostgres.open(state()))
                .isInstanceOfSatisfying(DataDirectoryVersionMismatch.class, e -> {
                    assertThat(e.category()).isEqualTo(StepwiseException.Category.BAD_INPUT);
                    assertThat(e.directory()).isEqualTo(dataDirectory());
                    assertThat(e.dataVersion()).isEqualTo("16");
                    assertThat(e.binariesVersion()).isEqualTo(PostgresBinaries.unpacked().version());
                })
                .hasMessageStartingWith(dataDirectory() + " holds a PostgreSQL 16 data directory, but the embedded server is PostgreSQL 17.");
    }

    @Test
    void nonEmptyDirectoryThatIsNoDataDirectory_isAClearError() throws Exception {
        Files.createDirectories(dataDirectory());
        Files.writeString(dataDirectory().resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> SharedPostgres.open(state()))
                .isInstanceOfSatisfying(StepwiseException.class,
                        e -> assertThat(e.category()).isEqualTo(StepwiseException.Category.BAD_INPUT))
                .hasMessage(dataDirectory() + " is not a PostgreSQL data directory (it has no PG_VERSION): move or delete it");
    }

    @Test
    void serverThatCannotStart_isAFailureQuotingItsLog() throws Exception {
        SharedPostgres.open(state()).close();
        awaitStopped();
        Files.writeString(dataDirectory().resolve("postgresql.auto.conf"), "shared_buffers = 'lots'\n");

        assertThatThrownBy(() -> SharedPostgres.open(state()))
                .isInstanceOfSatisfying(EmbeddedServerFailed.class, e -> {
                    assertThat(e.category()).isEqualTo(StepwiseException.Category.FAILED);
                    assertThat(e.log()).isEqualTo(state().resolve(dataDirectory().getFileName() + ".log").toAbsolutePath());
                })
                .hasMessageContaining("did not start")
                .hasMessageContaining("shared_buffers");
    }

    @Test
    void serverKilledWithKill9_isStartedAgainByTheNextOpen() throws Exception {
        try (SharedPostgres server = SharedPostgres.open(state())) {
            execute(server, "CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (7)");
            long postmaster = postmasterPid();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            awaitExit(postmaster);
        }

        try (SharedPostgres server = SharedPostgres.open(state())) {
            assertThat(query(server, "SELECT id FROM survivor")).isEqualTo("7");
        }
    }

    @Test
    void concurrentProcesses_shareOneServer_andTheLastOneOutStopsIt() throws Exception {
        Path release = project.resolve("release");
        List<Holder> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holders.add(Holder.holding(state(), project, "holder" + i, release));
        }
        children.addAll(holders);
        List<String> servers = new ArrayList<>();
        for (Holder holder : holders) {
            servers.add(holder.awaitServer());
        }
        long postmaster = postmasterPid();
        assertThat(new Holders(state().resolve(dataDirectory().getFileName() + ".holders")).pruneDead())
                .as("holders seen from another process").hasSize(4);

        Files.createFile(release);
        for (Holder holder : holders) {
            holder.awaitSuccess();
        }

        assertThat(servers).as("port and start time of the server each holder reached").containsOnly(servers.get(0));
        awaitExit(postmaster);
        assertThat(dataDirectory().resolve("postmaster.pid")).doesNotExist();
        assertThat(state().resolve(dataDirectory().getFileName() + ".holders")).isEmptyDirectory();
    }

    @Test
    void holderKilledWithKill9_doesNotKeepTheServerAliveForever() throws Exception {
        Holder killed = Holder.holding(state(), project, "killed", project.resolve("never"));
        children.add(killed);
        String server = killed.awaitServer();
        killed.kill();
        long postmaster = postmasterPid();
        assertThat(ProcessHandle.of(postmaster)).as("server outlives its killed holder").isPresent();

        try (SharedPostgres next = SharedPostgres.open(state())) {
            assertThat(next.port() + " ").isEqualTo(server.substring(0, server.indexOf(' ') + 1));
        }

        awaitExit(postmaster);
    }

    /** Stops whatever a failed test left running in its temporary directory. */
    @AfterEach
    void stopLeftovers() throws Exception {
        for (Holder child : children) {
            if (child.isAlive()) {
                child.kill();
            }
        }
        Optional<PostmasterPidFile> running = PostmasterPidFile.read(dataDirectory()).filter(PostmasterPidFile::processAlive);
        if (running.isPresent()) {
            ProcessHandle.of(running.get().pid()).ifPresent(ProcessHandle::destroyForcibly);
            awaitExit(running.get().pid());
        }
    }

    private long postmasterPid() {
        return PostmasterPidFile.read(dataDirectory()).orElseThrow().pid();
    }

    private void awaitStopped() throws InterruptedException {
        Optional<PostmasterPidFile> running = PostmasterPidFile.read(dataDirectory());
        if (running.isPresent()) {
            awaitExit(running.get().pid());
        }
    }

    /** Polls, since ProcessHandle.onExit() looks at a process that is not our child only every 300+ ms. */
    private static void awaitExit(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("postmaster " + pid + " did not exit");
            }
            Thread.sleep(5);
        }
    }

    private static String query(EmbeddedServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
