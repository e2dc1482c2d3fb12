package dev.stepwise.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Flyway's versioned migrations, {@code V<n>__<description>.sql}, one statement per line. Flyway
 * has no down migrations in its open-source edition, so the down statements are not written.
 * The raw-JDBC floor reads these same files.
 */
public final class FlywayLayout implements CorpusLayout {

    /** Returns the directory of the {@code V*.sql} files. */
    @Override
    public Path write(Corpus corpus, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (MigrationSpec m : corpus.migrations()) {
            StringBuilder b = new StringBuilder();
            m.up().forEach(s -> b.append(s).append(";\n"));
            Files.writeString(directory.resolve(fileName(m)), b.toString());
        }
        return directory;
    }

    static String fileName(MigrationSpec m) {
        return "V" + m.number() + "__" + m.slug() + ".sql";
    }
}
