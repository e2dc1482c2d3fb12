package dev.stepwise.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A Stepwise project: {@code stepwise.toml} without a URL (so the CLI uses the embedded default
 * unless given {@code --url}) and {@code migrations/<yyyyMMddHHmmss>_<revision>_<slug>.sql}
 * files with their header, {@code -- +up} and {@code -- +down} sections.
 */
public final class StepwiseLayout implements CorpusLayout {

    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** Returns the project directory; its migrations are in {@code migrations/}. */
    @Override
    public Path write(Corpus corpus, Path directory) throws IOException {
        Path migrations = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(directory.resolve("stepwise.toml"), "migrations = \"migrations\"\n");
        for (MigrationSpec m : corpus.migrations()) {
            String name = STAMP.format(FIRST.plusSeconds(60L * m.number())) + "_" + m.revision() + "_" + m.slug() + ".sql";
            Files.writeString(migrations.resolve(name), text(m));
        }
        return directory;
    }

    static String text(MigrationSpec m) {
        StringBuilder b = new StringBuilder()
                .append("-- revision: ").append(m.revision()).append('\n')
                .append("-- down_revision: ").append(m.parent()).append('\n')
                .append("-- message: ").append(m.message()).append("\n\n")
                .append("-- +up\n");
        m.up().forEach(s -> b.append(s).append(";\n"));
        b.append("\n-- +down\n");
        m.down().forEach(s -> b.append(s).append(";\n"));
        return b.toString();
    }
}
