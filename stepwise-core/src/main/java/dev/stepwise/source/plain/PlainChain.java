package dev.stepwise.source.plain;

import dev.stepwise.source.MigrationFileException;
import dev.stepwise.source.MigrationFileName;
import dev.stepwise.source.MigrationFileParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Another tool's migrations written out as a chain of Stepwise files in a scratch directory, so
 * the linter reads them as it reads its own, with the way back from each written line to the
 * line of the original file it came from.
 *
 * <p>Each body line is copied as it is (so columns stay right), except lines Stepwise's format
 * does not allow and that only matter to the other tool: explicit transaction control
 * ({@code BEGIN;}, {@code COMMIT;}), psql meta-commands ({@code \set ...}) and the other tool's
 * section markers, which become comments. A migration without a down is {@code reversible: no};
 * one with a down {@code reversible: lossy}, as no header says otherwise.
 */
public final class PlainChain {

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "\\s*(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK)(\\s+(WORK|TRANSACTION))?\\s*;\\s*(--.*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Instant FIRST = Instant.parse("2000-01-01T00:00:00Z");

    /** Where a line of a written file came from. */
    public record Origin(Path file, int line) {
    }

    /** A written file: the migration it stands for, and each of its lines' origin (null for the header). */
    public record Written(PlainMigrationFiles.PlainMigration migration, Path file, String revision,
                          List<Origin> lines) {

        public Optional<Origin> origin(int line) {
            return line >= 1 && line <= lines.size() ? Optional.ofNullable(lines.get(line - 1)) : Optional.empty();
        }
    }

    /**
     * The chain as written, and the migrations that could not be read as SQL migrations, each
     * with the reason (they are left out, and the chain closes over them).
     */
    public record Result(List<Written> written, Map<Path, String> skipped) {

        public Optional<Written> of(Path written) {
            Path key = written.toAbsolutePath().normalize();
            return this.written.stream().filter(w -> w.file().toAbsolutePath().normalize().equals(key)).findFirst();
        }
    }

    private PlainChain() {
    }

    public static Result write(List<PlainMigrationFiles.PlainMigration> migrations, Path scratch) {
        List<Written> written = new ArrayList<>();
        Map<Path, String> skipped = new java.util.LinkedHashMap<>();
        String parent = "none";
        int n = 0;
        for (PlainMigrationFiles.PlainMigration m : migrations) {
            n++;
            String revision = String.format(Locale.ROOT, "p%05d", n);
            List<String> text = new ArrayList<>();
            List<Origin> origins = new ArrayList<>();
            text.add("-- revision: " + revision);
            text.add("-- down_revision: " + parent);
            text.add("-- reversible: " + (m.down().isEmpty() ? "no" : "lossy"));
            text.add("");
            text.add("-- +up");
            origins.addAll(java.util.Collections.nCopies(text.size(), null));
            copy(m.up(), text, origins);
            text.add("");
            text.add("-- +down");
            origins.add(null);
            origins.add(null);
            copy(m.down(), text, origins);
            Path file = scratch.resolve(MigrationFileName.of(FIRST.plusSeconds(n), revision, m.name()).toString());
            try {
                Files.writeString(file, String.join("\n", text) + "\n", StandardCharsets.UTF_8);
                new MigrationFileParser().parse(file);
            } catch (MigrationFileException e) {
                // the problem, said of the original file and line
                String problem = originalLines(e.getMessage().substring(e.getMessage().indexOf(": ") + 2), origins);
                Origin at = e.line() >= 1 && e.line() <= origins.size() ? origins.get(e.line() - 1) : null;
                skipped.put(m.file(), (at == null ? m.file().toString() : at.file() + ":" + at.line()) + ": " + problem);
                delete(file);
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(new Written(m, file, revision, java.util.Collections.unmodifiableList(origins)));
            parent = revision;
        }
        return new Result(written, skipped);
    }

    /** The "line N" a message names, as the original file's line (where N is a copied line). */
    private static String originalLines(String message, List<Origin> origins) {
        java.util.regex.Matcher m = Pattern.compile("\\bline (\\d+)").matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            Origin o = line >= 1 && line <= origins.size() ? origins.get(line - 1) : null;
            m.appendReplacement(out, o == null ? m.group() : "line " + o.line());
        }
        return m.appendTail(out).toString();
    }

    private static void copy(List<PlainMigrationFiles.Part> parts, List<String> text, List<Origin> origins) {
        for (PlainMigrationFiles.Part part : parts) {
            List<String> lines = PlainMigrationFiles.text(part).orElse(List.of());
            for (int i = 0; i < lines.size(); i++) {
                text.add(kept(lines.get(i)));
                origins.add(new Origin(part.file(), part.fromLine() + i));
            }
        }
    }

    /** A line as Stepwise's format takes it: what only the other tool reads becomes a comment. */
    static String kept(String line) {
        String stripped = line.strip();
        if (TRANSACTION_CONTROL.matcher(line).matches() || stripped.startsWith("\\")
                || stripped.startsWith("-- +goose") || stripped.startsWith("-- migrate:")
                || stripped.startsWith("-- +up") || stripped.startsWith("-- +down")) {
            return "-- " + line;
        }
        return line;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
