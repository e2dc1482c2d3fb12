package dev.stepwise.run;

import dev.stepwise.StepwiseException;

/** The connection holding the run lock died: the run stops before its next step or commit. */
public final class LockLostException extends StepwiseException {

    public LockLostException(String before, Throwable cause) {
        super(Category.FAILED, "lost the run lock (its connection was closed or terminated); stopped before "
                + before + " so no other runner can apply anything twice", cause);
    }
}
