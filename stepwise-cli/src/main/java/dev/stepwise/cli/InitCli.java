package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.InitCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code init [DIR]}: make a directory a Stepwise project. */
@Command(name = "init", description = "Create stepwise.toml and migrations/ (in DIR, default the current directory).")
final class InitCli implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Project directory to create or use.")
    Path directory;

    @Override
    public Integer call() throws java.io.IOException {
        Session session = Session.of(spec);
        Path target = directory == null ? session.settings.directory : session.settings.directory.resolve(directory);
        Files.createDirectories(target);
        InitCommand.Result result = Stepwise.init(target);
        session.println("created " + result.config());
        session.println("created " + result.migrations() + "/");
        session.println("next: stepwise revision -m \"create users\"");
        return Failures.OK;
    }
}
