package dev.stepwise.config;

import dev.stepwise.StepwiseException;

/** A setting that cannot be used: names where it came from (a file, a variable or a flag). */
public final class ConfigException extends StepwiseException {

    public ConfigException(String message) {
        super(Category.BAD_INPUT, message);
    }
}
