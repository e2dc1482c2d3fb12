package dev.stepwise.reliability.input;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A mutant through the real command line, in-process: the whole corpus as one project with the
 * mutant in place of its original, and {@code stepwise lint --offline}, which loads every file,
 * builds the revision graph and splits every statement of both sections, with no database.
 *
 * <p>What it may print: exit 0 or 1 (a lint finding) when the library read the mutant as a plan,
 * and for a line-ending or BOM mutant exactly what the original project printed; exit 2 with
 * {@code file:line} on its {@code error:} line when the library refused the mutant at that line;
 * exit 2 naming the mutant's file when the graph refuses what it now says (a damaged
 * {@code down_revision}). Never a stack trace, never an "unexpected error", never a control
 * character of the file printed raw.
 */
final class CliCheck {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

    private final List<Corpus.File> corpus;
    private final Path workspace;
    private final CliRun original;
    private int runs;

    CliCheck(List<Corpus.File> corpus, Path workspace) {
        this.corpus = List.copyOf(corpus);
        this.workspace = workspace;
        Path root = project(null);
        this.original = lint(root);
        delete(root);
        if (original.exitCode() != 0 || !original.err().isEmpty()) {
            throw new IllegalStateException("the corpus itself should lint clean:\n" + original);
        }
    }

    int runs() {
        return runs;
    }

    /** A failure, or null when the command behaved. */
    String judge(Mutant mutant, MigrationReading library) {
        Path root = project(mutant);
        CliRun run;
        try {
            run = lint(root);
        } finally {
            delete(root);
        }
        String output = run.out() + run.err();
        if (STACK_FRAME.matcher(output).find() || output.contains("unexpected error")) {
            return "the CLI printed a stack trace or an unexpected error:\n" + clip(run.toString());
        }
        if (MutantOracle.hasControlCharacters(output)) {
            return "the CLI printed control characters from the file:\n"
                    + clip(run.toString().replaceAll("[\\p{Cntrl}&&[^\\n]]", "?"));
        }
        if (library instanceof MigrationReading.Refused refused) {
            String at = mutant.name() + ":" + refused.error().line() + ":";
            if (run.exitCode() != 2 || !run.err().lines().anyMatch(l -> l.startsWith("error:") && l.contains(at))) {
                return "the CLI did not exit 2 naming " + at + " (the library refused it so):\n" + clip(run.toString());
            }
            return null;
        }
        if (mutant.keepsMeaning()) {
            if (run.exitCode() != original.exitCode() || !run.out().equals(original.out())
                    || !run.err().equals(original.err())) {
                return "the CLI's output differs from the original project's:\n" + clip(run.toString());
            }
            return null;
        }
        if (run.exitCode() == 0 || run.exitCode() == 1) {
            return null;
        }
        boolean namesTheFile = run.err().lines().anyMatch(l -> l.startsWith("error:") && l.contains(mutant.name()));
        if (run.exitCode() == 2 && namesTheFile) {
            return null;
        }
        return "the CLI exited " + run.exitCode() + " without naming " + mutant.name() + ":\n" + clip(run.toString());
    }

    /** The run, with the project's directory written as {@code <project>} so runs in two directories compare. */
    private CliRun lint(Path root) {
        runs++;
        CliRun run = Cli.withoutDatabase(Project.in(root)).run("lint", "--offline");
        String at = root.toString();
        return new CliRun(run.exitCode(), run.out().replace(at, "<project>"), run.err().replace(at, "<project>"));
    }

    /** A fresh project: the corpus, with the mutant (if any) in place of its original. */
    private Path project(Mutant mutant) {
        try {
            Path root = Files.createTempDirectory(workspace, "cli");
            Path migrations = Files.createDirectories(root.resolve("migrations"));
            for (Corpus.File file : corpus) {
                boolean mutated = mutant != null && file.name().equals(mutant.name());
                Files.write(migrations.resolve(file.name()), mutated ? mutant.bytes() : file.bytes());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clip(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "... (" + text.length() + " chars)" : text;
    }
}
