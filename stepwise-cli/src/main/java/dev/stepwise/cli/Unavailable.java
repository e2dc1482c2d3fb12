package dev.stepwise.cli;

import dev.stepwise.StepwiseException;

/** Commands whose engine has not landed yet refuse clearly, with exit 2, instead of pretending. */
final class Unavailable {

    private Unavailable() {
    }

    static StepwiseException autogenerate(String what) {
        return new StepwiseException(StepwiseException.Category.BAD_INPUT, what + " needs schema introspection and"
                + " diff, which this version of Stepwise does not have yet; write the migration's SQL by hand");
    }
}
