package dev.stepwise.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The corpus written in every tool's format under one work directory, replacing what an earlier
 * run left there.
 *
 * @param stepwiseProject a Stepwise project directory (stepwise.toml, migrations/)
 * @param flywayMigrations Flyway's {@code V*.sql} directory, read by the raw-JDBC floor too
 * @param liquibaseChangelogDirectory the directory of Liquibase's master changelog
 */
public record CorpusFiles(Corpus corpus, Path stepwiseProject, Path flywayMigrations, Path liquibaseChangelogDirectory) {

    public static CorpusFiles write(Corpus corpus, Path workDirectory) throws IOException {
        if (corpus.kind() != Corpus.Kind.NEW_TABLES) {
            throw new IllegalArgumentException("only the " + Corpus.Kind.NEW_TABLES + " corpus is written for every tool;"
                    + " write " + corpus.kind() + " with writeStepwise");
        }
        Path root = workDirectory.resolve(corpus.directoryName());
        deleteRecursively(root);
        return new CorpusFiles(corpus,
                new StepwiseLayout().write(corpus, root.resolve("stepwise")),
                new FlywayLayout().write(corpus, root.resolve("flyway")),
                new LiquibaseLayout().write(corpus, root.resolve("liquibase")));
    }

    /**
     * The corpus as a Stepwise project only (a variant the other tools do not run), under
     * {@code <work>/<corpus directory>/stepwise}, replacing what an earlier run left there.
     *
     * @return the project directory; its migrations are in {@code migrations/}
     */
    public static Path writeStepwise(Corpus corpus, Path workDirectory) throws IOException {
        Path root = workDirectory.resolve(corpus.directoryName());
        deleteRecursively(root);
        return new StepwiseLayout().write(corpus, root.resolve("stepwise"));
    }

    public Path stepwiseMigrations() {
        return stepwiseProject.resolve("migrations");
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
