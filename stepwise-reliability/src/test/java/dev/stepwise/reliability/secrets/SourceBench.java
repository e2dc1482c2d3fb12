package dev.stepwise.reliability.secrets;

import dev.stepwise.dialect.TableNames;
import dev.stepwise.it.ChildRun;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Poll;
import dev.stepwise.it.Project;
import dev.stepwise.postgres.RunLockKey;
import dev.stepwise.reliability.secrets.PasswordSource.Given;
import dev.stepwise.reliability.secrets.PasswordSource.Target;
import dev.stepwise.reliability.secrets.SecretCommand.Situation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One password source's project and database on the password server, and the running of one
 * command at a time against them: the situation arranged, the command run, everything it left
 * gathered into an {@link Exposure}, the situation put back.
 */
final class SourceBench {

    /** What one command did: its exit code, what it left, and its output with the password masked. */
    record Outcome(int exit, Exposure exposure, String shown) {
    }

    /** Nothing listens on port 1: the connection is refused at once. */
    private static final int REFUSED_PORT = 1;
    private static final java.util.concurrent.atomic.AtomicInteger DATABASES = new java.util.concurrent.atomic.AtomicInteger();

    private final PasswordServer server;
    private final SessionWatch watch;
    private final PasswordSource source;
    private final Secret password;
    private final Secret wrongPassword;
    private final Project project;
    private final Path logs;
    private final Target target;
    private final Map<Path, String> inputs = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    private SourceBench(PasswordServer server, SessionWatch watch, PasswordSource source, Secret password,
                        Secret wrongPassword, Path directory, String database) {
        this.server = server;
        this.watch = watch;
        this.source = source;
        this.password = password;
        this.wrongPassword = wrongPassword;
        this.project = Project.in(directory.resolve("project"));
        this.logs = directory.resolve("logs");
        this.target = new Target("localhost", server.port(), database);
    }

    /** A new database owned by the login role, and a project of two migrations and a desired schema. */
    static SourceBench create(PasswordServer server, SessionWatch watch, PasswordSource source, Secret password,
                              Secret wrongPassword, Path directory) {
        String database = "secrets_" + source.name().toLowerCase(java.util.Locale.ROOT) + "_" + DATABASES.incrementAndGet();
        server.createDatabase(database);
        SourceBench bench = new SourceBench(server, watch, source, password, wrongPassword, directory, database);
        bench.input(bench.project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE account (id bigint PRIMARY KEY, name text NOT NULL);")
                .down("DROP TABLE account;")));
        bench.input(bench.project.add(MigrationText.of("a2", "a1")
                .up("CREATE INDEX CONCURRENTLY account_name ON account (name);")
                .down("DROP INDEX CONCURRENTLY account_name;")));
        bench.input(bench.write("schema/account.sql", "CREATE TABLE account (id bigint PRIMARY KEY, name text NOT NULL,"
                + " email text);\nCREATE INDEX account_name ON account (name);\n"));
        bench.writeToml(bench.source.give(bench.target, password).toml());
        return bench;
    }

    /** Every password this bench gives out, each looked for everywhere. */
    List<Secret> secrets() {
        return List.of(password, wrongPassword);
    }

    Outcome run(SecretCommand command) {
        Target used = targetIn(command.situation());
        Given given = source.give(used, command.situation() == Situation.WRONG_PASSWORD ? wrongPassword : password);
        if (command.situation() == Situation.UNENCODED_URL) {
            given = given.unencoded(password);
        }
        List<Path> added = arrange(command.situation(), given);
        Set<Path> migrationsBefore = migrationFiles();
        Exposure exposure = Exposure.after(seen);
        Outcome outcome;
        try (Connection holder = command.situation() == Situation.LOCK_HELD ? holdRunLock() : null) {
            outcome = switch (command.runner()) {
                case IN_PROCESS -> inProcess(command, given, exposure);
                case CHILD_JVM -> child(command, given, exposure, holder);
                case LIBRARY -> ApiCall.run(project.root(), given, command.call(), exposure);
            };
            watch.into(exposure);
        } catch (SQLException e) {
            throw new IllegalStateException("could not arrange " + command.situation() + ": " + e.getMessage(), e);
        } finally {
            for (Path p : added) {
                delete(p);
            }
            writeToml(source.give(target, password).toml());
        }
        Leftovers.files(List.of(project.root(), logs), inputs, exposure);
        Leftovers.rows(server, used.port() == REFUSED_PORT ? target.database() : used.database(), exposure);
        // what revision --autogenerate wrote has been read as evidence; the next command meets the project as it was
        migrationFiles().stream().filter(f -> !migrationsBefore.contains(f)).forEach(SourceBench::delete);
        return outcome;
    }

    private Set<Path> migrationFiles() {
        try (Stream<Path> files = Files.list(project.root().resolve("migrations"))) {
            return files.collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Target targetIn(Situation situation) {
        if (situation == Situation.UNREACHABLE) {
            return new Target("127.0.0.1", REFUSED_PORT, target.database());
        }
        if (situation == Situation.EMPTY_DATABASE) {
            String empty = target.database() + "_empty_" + DATABASES.incrementAndGet();
            server.createDatabase(empty);
            return new Target(target.host(), target.port(), empty);
        }
        return target;
    }

    /** Whether the command means anything for this source: an unquoted file only where the source is the file. */
    boolean applies(SecretCommand command) {
        if (command.situation() == Situation.UNQUOTED_TOML) {
            return source.inToml();
        }
        if (command.situation() == Situation.UNENCODED_URL) {
            return source.give(target, password).inUrl(password);
        }
        if (command.situation() == Situation.STRAY_ARGUMENT) {
            return !source.give(target, password).args().isEmpty();
        }
        if (command.runner() == SecretCommand.Runner.LIBRARY) {
            // an application hands the API a URL and a password, or a project directory; this JVM's
            // environment is not the test's to set, so the sources kept there have no library trial
            return source.give(target, password).env().keySet().stream().allMatch(k -> k.equals("STEPWISE_REPLAY_URL"));
        }
        return true;
    }

    private Outcome inProcess(SecretCommand command, Given given, Exposure exposure) {
        CliRun run;
        try (JvmOutputTap tap = JvmOutputTap.open()) {
            run = cli(given).run(args(command, given));
            tap.close();
            tap.into(exposure);
        }
        exposure.add("stdout", run.out());
        exposure.add("stderr", run.err());
        return new Outcome(run.exitCode(), exposure, run.toString());
    }

    /**
     * A child JVM; waiting for the lock, it is asked for a thread dump ({@code SIGQUIT}, which the
     * JVM answers on its stdout) once its lock session shows, and the lock is let go after the dump.
     */
    private Outcome child(SecretCommand command, Given given, Exposure exposure, Connection holder) {
        ChildRun child = cli(given).start(logs, args(command, given));
        if (holder != null) {
            Poll.until("the child's lock session", Duration.ofSeconds(60), () -> !server.column("postgres",
                    "SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'stepwise-%-lock'").isEmpty());
            signalQuit(child.pid());
            Poll.until("the child's thread dump", Duration.ofSeconds(30), () -> Leftovers.text(child.out()).contains("Full thread dump"));
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT pg_advisory_unlock_all()");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        CliRun run = child.finish(Duration.ofSeconds(90));
        exposure.add("child stdout", run.out());
        exposure.add("child stderr", run.err());
        // had the JVM crashed, its report would be in its working directory, which is this one's
        Path crash = Path.of("hs_err_pid" + child.pid() + ".log");
        if (Files.exists(crash)) {
            exposure.add("the child JVM's crash report", Leftovers.text(crash));
        }
        return new Outcome(run.exitCode(), exposure, run.toString());
    }

    private Cli cli(Given given) {
        Cli cli = Cli.withoutDatabase(project);
        given.env().forEach(cli::env);
        return cli;
    }

    private String[] args(SecretCommand command, Given given) {
        List<String> args = new ArrayList<>();
        for (String a : command.args()) {
            args.add(a.equals(SecretCommand.LIVE_URL) ? given.liveUrl() : a);
        }
        args.addAll(sourceArgs(command.situation(), given.args()));
        return args.toArray(String[]::new);
    }

    /**
     * The source's options as the situation has them typed: the option before the password (or the
     * URL holding it) misspelt or left out, or, for a source with no such option, another misspelt.
     */
    private List<String> sourceArgs(Situation situation, List<String> given) {
        if (situation != Situation.USAGE_ERROR && situation != Situation.STRAY_ARGUMENT) {
            return given;
        }
        List<String> args = new ArrayList<>(given);
        int value = 0;
        while (value < args.size() && password.foundIn(args.get(value)) == null) {
            value++;
        }
        if (value == args.size()) {
            args.addAll(List.of("--lock-wiat", "1s"));
        } else if (situation == Situation.STRAY_ARGUMENT) {
            args.remove(value - 1);
        } else {
            String option = args.get(value - 1);
            int n = option.length();
            args.set(value - 1, option.substring(0, n - 2) + option.charAt(n - 1) + option.charAt(n - 2));
        }
        return args;
    }

    /** Sets the situation up; returns the files to remove afterwards. */
    private List<Path> arrange(Situation situation, Given given) {
        List<Path> added = new ArrayList<>();
        switch (situation) {
            case FAILING_MIGRATION -> {
                Path broken = project.add(MigrationText.of("a9", "a2").up("INSERT INTO no_such_table VALUES (1);")
                        .down("SELECT 1;"));
                input(broken);
                added.add(broken);
            }
            case CONFIG_ERROR -> {
                List<String> toml = new ArrayList<>(given.toml());
                toml.add("lock_wait = \"whenever\"");
                writeToml(toml);
            }
            case UNQUOTED_TOML -> writeToml(given.toml().stream()
                    .map(line -> password.foundIn(line) != null && !line.startsWith("replay_url") ? unquoted(line) : line)
                    .toList());
            case WRONG_PASSWORD, UNREACHABLE, EMPTY_DATABASE, UNENCODED_URL -> writeToml(given.toml());
            default -> {
            }
        }
        return added;
    }

    /** {@code key = "value"} as a user who forgot the quotes writes it: {@code key = value}. */
    private static String unquoted(String line) {
        int eq = line.indexOf(" = \"");
        String value = line.substring(eq + 4, line.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        return line.substring(0, eq) + " = " + value;
    }

    /** A session of the superuser holding the run lock of this database, as a runner busy elsewhere would. */
    private Connection holdRunLock() throws SQLException {
        Connection c = server.superuser(target.database());
        try (Statement s = c.createStatement()) {
            s.execute("SET application_name = 'secrets-lock-holder'");
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            s.setLong(1, RunLockKey.of(TableNames.DEFAULT));
            s.execute();
        }
        return c;
    }

    private void writeToml(List<String> lines) {
        Path file = project.root().resolve("stepwise.toml");
        if (lines.isEmpty()) {
            delete(file);
            inputs.remove(file);
            return;
        }
        project.config(String.join("\n", lines) + "\n");
        input(file);
    }

    private Path write(String relative, String text) {
        Path file = project.root().resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void input(Path file) {
        inputs.put(file, Leftovers.text(file));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signalQuit(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -QUIT " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
