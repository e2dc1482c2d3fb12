package dev.stepwise.dialect;

import dev.stepwise.StepwiseException;

/** A statement under {@code -- stepwise:batch} that cannot safely run in batches; refused before anything runs. */
public final class BatchRefusedException extends StepwiseException {

    public BatchRefusedException(String why) {
        super(Category.BAD_INPUT, why);
    }
}
