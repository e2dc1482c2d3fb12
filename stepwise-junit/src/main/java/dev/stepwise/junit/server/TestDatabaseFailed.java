package dev.stepwise.junit.server;

import dev.stepwise.StepwiseException;

/** A test server could not be started, or a test database created or dropped; the message says which and why. */
public final class TestDatabaseFailed extends StepwiseException {

    public TestDatabaseFailed(String message, Throwable cause) {
        super(Category.FAILED, message, cause);
    }

    public TestDatabaseFailed(String message) {
        super(Category.FAILED, message);
    }
}
