package dev.stepwise.reliability.identifiers;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One trial's project: a database of its own with the {@link Canary} planted by the root
 * migration, the test server as the replay server, and the {@code stepwise} command on both.
 * Every failure the trial finds is added to {@link #problems}, prefixed with what was tried.
 */
final class TrialProject {

    final TestDatabase db;
    final Project project;
    final Cli cli;
    final Catalog catalog;
    final List<String> problems = new ArrayList<>();
    private final String what;

    TrialProject(Path dir, String what) {
        this.what = what;
        db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        project.config("replay_url = \"" + db.server().jdbcUrl("postgres") + "\"\nuser = \"" + db.server().user()
                + "\"\n");
        project.add(Canary.migration());
        cli = Cli.on(db, project);
        catalog = new Catalog(db);
    }

    /** Runs the command; a run that exits otherwise than expected is a problem (and returns null). */
    CliRun expect(int exitCode, String... args) {
        return expect(cli, exitCode, args);
    }

    /** The same, without the trial's database: for {@code test}, which wants a throwaway one. */
    CliRun expectWithoutDatabase(int exitCode, String... args) {
        return expect(Cli.withoutDatabase(project), exitCode, args);
    }

    private CliRun expect(Cli cli, int exitCode, String... args) {
        CliRun run = cli.run(args);
        if (run.exitCode() != exitCode) {
            problem("`" + String.join(" ", args) + "` exited " + run.exitCode() + " (expected " + exitCode + "): "
                    + firstLines(run.err().isBlank() ? run.out() : run.err()));
            return null;
        }
        return run;
    }

    /** Records a problem unless the two are equal. */
    void same(String stage, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problem(stage + ": expected " + expected + ", found " + actual);
        }
    }

    void problem(String text) {
        problems.add(text);
    }

    void checkCanary(String stage) {
        String c = Canary.check(db);
        if (c != null) {
            problem(stage + ": " + c);
        }
    }

    /** Null when nothing went wrong; else every problem, on one line. */
    String failure() {
        return problems.isEmpty() ? null : what + ": " + String.join("; ", problems);
    }

    /** The migration files, in name order. */
    List<Path> migrations() {
        try (Stream<Path> files = Files.list(project.root().resolve("migrations"))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of the files not among {@code before}. */
    List<String> newMigrations(List<Path> before) {
        return migrations().stream().filter(f -> !before.contains(f)).map(TrialProject::text).toList();
    }

    void add(MigrationText migration) {
        project.add(migration);
    }

    /** Writes a file under the project. */
    void write(String relative, String text) {
        Path file = project.root().resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The revision a migration file's text declares. */
    static String revision(String text) {
        return text.lines().filter(l -> l.startsWith("-- revision: ")).findFirst().orElseThrow()
                .substring("-- revision: ".length());
    }

    /** Problems with the names Stepwise wrote into migration files: any PostgreSQL would cut. */
    void checkWrittenNames(String stage, List<String> texts) {
        checkWrittenNames(stage, texts, List.of());
    }

    /** The same, but for names the trial itself gave in SQL it handed over ({@code --using}), which Stepwise copies. */
    void checkWrittenNames(String stage, List<String> texts, List<String> given) {
        for (String t : texts) {
            List<String> overlong = NamesInSql.overlong(t, given);
            if (!overlong.isEmpty()) {
                problem(stage + ": names over 63 bytes in a written migration, which PostgreSQL would cut: " + overlong);
            }
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLines(String text) {
        String s = text.strip();
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
