package dev.stepwise.source;

import dev.stepwise.StepwiseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

/**
 * Writes the file of a new migration ({@code revision}, {@code merge}): the header in a fixed
 * key order, then empty {@code -- +up} and {@code -- +down} sections, UTF-8 with LF endings.
 *
 * <p>Keys with their default value are left out, except {@code revision}, {@code down_revision}
 * and {@code message}, which every file shows; so the file says exactly what is special about
 * the migration. Reading the written file back gives the same header.
 */
public final class MigrationFileWriter {

    private final Clock clock;

    /** The clock stamps file names; tests pass a fixed one. */
    public MigrationFileWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * The text of a new migration file with this header and empty sections; a header that
     * breaks a rule of the format is refused, so Stepwise never writes a file it would reject.
     */
    public String render(MigrationHeader header) {
        return render(header, "", "");
    }

    /**
     * The text of a new migration file with this header and these sections (statements with
     * their comments, each line ending in a line feed), checked like {@link #render(MigrationHeader)}.
     */
    public String render(MigrationHeader header, String up, String down) {
        try {
            HeaderRules.check(withOneLineMessage(header));
        } catch (FormatViolation e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT,
                    "cannot write migration `" + header.revision() + "`: " + e.problem());
        }
        StringBuilder text = new StringBuilder();
        line(text, HeaderKey.REVISION, header.revision());
        line(text, HeaderKey.DOWN_REVISION, header.downRevisions().isEmpty()
                ? HeaderRules.NONE : String.join(", ", header.downRevisions()));
        line(text, HeaderKey.MESSAGE, oneLine(header.message()));
        if (header.phase() != Phase.EXPAND) {
            line(text, HeaderKey.PHASE, header.phase().keyword());
        }
        if (!header.branchLabels().isEmpty()) {
            line(text, HeaderKey.BRANCH_LABELS, String.join(", ", header.branchLabels().stream().sorted().toList()));
        }
        if (!header.dependsOn().isEmpty()) {
            line(text, HeaderKey.DEPENDS_ON, String.join(", ", header.dependsOn()));
        }
        if (header.transaction() != TransactionMode.AUTO) {
            line(text, HeaderKey.TRANSACTION, header.transaction().keyword());
        }
        if (header.reversible() != Reversibility.YES) {
            line(text, HeaderKey.REVERSIBLE, header.reversible().keyword());
        }
        if (header.expands() != null) {
            line(text, HeaderKey.EXPANDS, header.expands());
        }
        text.append("\n-- +up\n").append(up.isEmpty() ? "\n" : up).append("\n-- +down\n").append(down);
        return text.toString();
    }

    /**
     * Writes a new migration file into {@code directory} under its generated name and returns
     * its path; never overwrites an existing file.
     */
    public Path write(Path directory, MigrationHeader header) {
        Path file = path(directory, header);
        return write(file, render(header));
    }

    /** Where {@link #write} puts the file of a migration with this header. */
    public Path path(Path directory, MigrationHeader header) {
        return directory.resolve(MigrationFileName.of(clock.instant(), header.revision(), header.message()).fileName());
    }

    /** Writes already rendered text to a new file; never overwrites one. */
    public Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new MigrationFileException(file, 0, "already exists; not overwritten");
        } catch (IOException e) {
            throw new MigrationFileException(file, 0, "cannot be written: " + e.getMessage());
        }
    }

    private static void line(StringBuilder text, HeaderKey key, String value) {
        text.append("-- ").append(key.key()).append(':');
        if (!value.isEmpty()) {
            text.append(' ').append(value);
        }
        text.append('\n');
    }

    private static MigrationHeader withOneLineMessage(MigrationHeader h) {
        return new MigrationHeader(h.revision(), h.downRevisions(), oneLine(h.message()), h.phase(),
                h.branchLabels(), h.dependsOn(), h.transaction(), h.reversible(), h.expands());
    }

    // A header value ends at the line break; a message with several lines is kept as one.
    private static String oneLine(String message) {
        return String.join(" ", List.of(message.strip().split("\\s*\\R\\s*")));
    }
}
