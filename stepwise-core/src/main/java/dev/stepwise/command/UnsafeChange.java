package dev.stepwise.command;

/**
 * A statement of a generated migration that Stepwise knows no safe form of: the file carries a
 * comment saying why and {@code -- stepwise:allow} for the rule, and the command lists it so the
 * user reviews it before applying.
 *
 * @param file    the migration file
 * @param line    the line of the statement (of {@code -- +up} for a finding about the whole migration)
 * @param rule    the lint rule the allow accepts
 * @param message what the rule found
 */
public record UnsafeChange(String file, int line, String rule, String message) {
}
