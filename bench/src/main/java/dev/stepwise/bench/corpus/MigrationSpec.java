package dev.stepwise.bench.corpus;

import java.util.List;

/**
 * One benchmark migration, independent of any tool's file format: what it does up and down.
 *
 * @param number   1-based position in the chain; Flyway's version and Liquibase's changeset id
 * @param revision Stepwise's revision id (12 lowercase hex characters, as Stepwise generates them)
 * @param parent   the previous migration's revision, or {@code none} for the first
 * @param message  a one-line description; Stepwise's {@code message}, Flyway's description
 * @param up       the statements that apply it, without trailing semicolons (a statement may start with
 *                 a Stepwise directive line, {@code -- stepwise:batch ...}, a comment to the other tools)
 * @param down     the statements that revert it
 */
public record MigrationSpec(int number, String revision, String parent, String message, List<String> up,
                            List<String> down) {

    public MigrationSpec {
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    /** The number zero-padded to four digits, so file listings sort like the chain. */
    public String paddedNumber() {
        return String.format("%04d", number);
    }

    /** The message as a file-name part: lowercase words joined by {@code _}. */
    public String slug() {
        return message.replaceAll("[^a-z0-9]+", "_");
    }
}
