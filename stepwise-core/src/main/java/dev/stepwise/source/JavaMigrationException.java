package dev.stepwise.source;

import dev.stepwise.StepwiseException;

/** A Java-coded migration class that cannot be used as one; names the class. */
public final class JavaMigrationException extends StepwiseException {

    private final String className;

    public JavaMigrationException(String className, String problem) {
        super(Category.BAD_INPUT, "Java migration " + className + ": " + problem);
        this.className = className;
    }

    public JavaMigrationException(String className, String problem, Throwable cause) {
        super(Category.BAD_INPUT, "Java migration " + className + ": " + problem, cause);
        this.className = className;
    }

    public String className() {
        return className;
    }
}
