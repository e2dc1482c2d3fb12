package dev.stepwise.command;

/**
 * An applied migration whose file changed since it was applied.
 *
 * @param recorded the checksum in the history table
 * @param actual   the file's checksum now
 */
public record ChecksumMismatch(String revision, String origin, String recorded, String actual) {
}
