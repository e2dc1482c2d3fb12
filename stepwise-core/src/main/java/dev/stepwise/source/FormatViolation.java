package dev.stepwise.source;

/**
 * A broken format rule found by a check that does not know where its input came from; the
 * caller always turns it into a {@link MigrationFileException} (file and line) or a
 * {@link JavaMigrationException} (class), so it never reaches a user as it is.
 */
final class FormatViolation extends RuntimeException {

    FormatViolation(String problem) {
        super(problem, null, false, false);
    }

    String problem() {
        return getMessage();
    }
}
