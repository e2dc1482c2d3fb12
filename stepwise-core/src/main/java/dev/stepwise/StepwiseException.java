package dev.stepwise;

/**
 * The one unchecked root of every error Stepwise reports to a user.
 *
 * <p>Each error says what is wrong, where (file, line, revision, statement) and, where it can,
 * what to do next. Its {@link Category} tells the CLI which exit code to use, so that mapping
 * lives in one place.
 */
public class StepwiseException extends RuntimeException {

    /** What kind of failure this is; decides the exit code. */
    public enum Category {
        /** Bad usage, bad configuration or bad input files: exit 2. */
        BAD_INPUT,
        /** The operation ran and failed or found problems: exit 1. */
        FAILED
    }

    private final Category category;

    public StepwiseException(Category category, String message) {
        super(message);
        this.category = category;
    }

    public StepwiseException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
