package dev.stepwise.source;

import dev.stepwise.StepwiseException;

import java.nio.file.Path;

/**
 * A migration file that breaks the file format; names the file and the line. Text quoted from the
 * file is shown with its control characters escaped (ESC as the six characters backslash, u, 001b),
 * so a hostile or broken file cannot send commands to the terminal or CI log that prints the error.
 */
public final class MigrationFileException extends StepwiseException {

    private final Path file;
    private final int line;

    public MigrationFileException(Path file, int line, String problem) {
        super(Category.BAD_INPUT, location(file, line) + ": " + printable(problem));
        this.file = file;
        this.line = line;
    }

    private static String location(Path file, int line) {
        return line > 0 ? file + ":" + line : file.toString();
    }

    /** C0 controls but tab, DEL and the C1 controls, which some terminals also obey, escaped. */
    private static String printable(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f;
            if (control && shown == null) {
                shown = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (shown != null) {
                shown.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return shown == null ? text : shown.toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
