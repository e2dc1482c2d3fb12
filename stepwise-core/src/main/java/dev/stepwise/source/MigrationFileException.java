package dev.stepwise.source;

import dev.stepwise.StepwiseException;

import java.nio.file.Path;

/** A migration file that breaks the file format; names the file and the line. */
public final class MigrationFileException extends StepwiseException {

    private final Path file;
    private final int line;

    public MigrationFileException(Path file, int line, String problem) {
        super(Category.BAD_INPUT, location(file, line) + ": " + problem);
        this.file = file;
        this.line = line;
    }

    private static String location(Path file, int line) {
        return line > 0 ? file + ":" + line : file.toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
