package dev.stepwise.postgres.generate;

import dev.stepwise.StepwiseException;

/** A generator request Stepwise will not write, with the reason and what to do instead. */
final class Refusal {

    private Refusal() {
    }

    static StepwiseException of(String option, String what, String why) {
        return new StepwiseException(StepwiseException.Category.BAD_INPUT, option + ": " + what + ": " + why);
    }
}
