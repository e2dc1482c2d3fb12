package dev.stepwise.compat;

/**
 * One statement of the running code's queries file.
 *
 * @param file      the file, as the user named it
 * @param line      1-based line where the statement starts
 * @param statement the statement as written (placeholders {@code ?} or {@code $n}), without its {@code ;}
 */
public record Query(String file, int line, String statement) {

    /** {@code file:line}, how every report names it. */
    public String where() {
        return file + ":" + line;
    }
}
