package dev.stepwise.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code check}: would autogenerate produce changes? Refuses until autogenerate exists. */
@Command(name = "check", description = "Exit non-zero when autogenerate would produce changes (not available yet).")
final class CheckCli implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw Unavailable.autogenerate("check");
    }
}
