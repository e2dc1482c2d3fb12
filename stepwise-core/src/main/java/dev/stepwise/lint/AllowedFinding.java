package dev.stepwise.lint;

/** A finding an allow directive accepted, with the reason it gave. */
public record AllowedFinding(Finding finding, String reason, int allowLine) {
}
