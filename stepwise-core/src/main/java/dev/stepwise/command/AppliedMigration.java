package dev.stepwise.command;

import dev.stepwise.source.Direction;

/**
 * One migration a run applied or reverted.
 *
 * @param from the revision(s) it moved from, comma-separated; empty for base
 */
public record AppliedMigration(String revision, Direction direction, String from, String message, String origin,
                               long millis) {
}
