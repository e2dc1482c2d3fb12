package dev.stepwise.reliability.secrets;

import dev.stepwise.Stepwise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One command the scenario gives a password to, the situation it meets, where it runs and the
 * exit code it must end with (a happy command that failed to log in would leak nothing and prove
 * nothing).
 *
 * @param core  run for every source in the reduced run too; the others run, in the reduced run,
 *              for one source each, chosen by the seed
 * @param args  the command line, without the source's options; {@link #LIVE_URL} stands for the
 *              URL the source's user would type
 * @param call  for {@link Runner#LIBRARY}: the Java API call, in place of {@code args}
 */
record SecretCommand(String name, Situation situation, Runner runner, boolean core, int exit, List<String> args,
                     Function<Stepwise, Object> call) {

    /** Replaced by the source's own URL to the database (with its credentials where it keeps them there). */
    static final String LIVE_URL = "<live url>";

    /** What is arranged around the command. */
    enum Situation {
        /** The project and database as the earlier commands left them. */
        AS_IS,
        /**
         * The same source, pointed at a new empty database of the role's: {@code test} with a URL
         * runs the stairway on that database, and refuses one holding tables of its own.
         */
        EMPTY_DATABASE,
        /** The same source, with a password the server rejects (itself a secret: it is looked for too). */
        WRONG_PASSWORD,
        /** The same source, pointed at a port nothing listens on. */
        UNREACHABLE,
        /** A pending migration whose statement the server refuses. */
        FAILING_MIGRATION,
        /** The password written into the source's URL as typed, not percent-encoded (only for sources with it in a URL). */
        UNENCODED_URL,
        /** Another session holds the run lock. */
        LOCK_HELD,
        /** {@code stepwise.toml} holds a value that does not read, beside the source's settings. */
        CONFIG_ERROR,
        /** The source's {@code stepwise.toml} line that holds the password written without its quotes (only for sources kept there). */
        UNQUOTED_TOML,
        /**
         * A misspelt option: the one that carries the password where the source is a flag
         * ({@code --passwodr P}, {@code --ulr URL}), else another one.
         */
        USAGE_ERROR,
        /** The password or the URL holding it written as a bare word, its option forgotten (only for flag sources). */
        STRAY_ARGUMENT
    }

    /** Where the command runs. */
    enum Runner {
        /** {@code Main.execute} in this JVM. */
        IN_PROCESS,
        /** A real {@code java} process, its streams in files under the logs directory. */
        CHILD_JVM,
        /** The Java API, as an application embedding Stepwise calls it. */
        LIBRARY
    }

    /** Every command, in the order one project meets them. */
    static List<SecretCommand> all() {
        List<SecretCommand> c = new ArrayList<>();
        // before anything is applied: what would happen
        c.add(cli("status", true, 0, "status"));
        c.add(cli("status --format json", false, 0, "status", "--format", "json"));
        c.add(cli("upgrade --sql", true, 0, "upgrade", "--sql", "head"));
        c.add(cli("plan", false, 0, "plan"));
        c.add(cli("plan --format json", false, 0, "plan", "--format", "json"));
        c.add(cli("lint", false, 0, "lint"));
        c.add(cli("lint --format json", false, 0, "lint", "--format", "json"));
        c.add(cli("lint --format sarif", false, 0, "lint", "--format", "sarif"));
        // applying, and reading what was applied
        c.add(cli("upgrade", true, 0, "upgrade", "head"));
        c.add(cli("current", false, 0, "current"));
        c.add(cli("history --verbose", false, 0, "history", "--verbose"));
        c.add(cli("history --format json", true, 0, "history", "--format", "json"));
        c.add(cli("heads --format json", false, 0, "heads", "--format", "json"));
        c.add(cli("validate", false, 0, "validate"));
        c.add(cli("stamp head", false, 0, "stamp", "head"));
        // comparing the database with the migrations and with schema/
        c.add(cli("drift", false, 0, "drift"));
        c.add(cli("drift --format json", false, 0, "drift", "--format", "json"));
        c.add(cli("check", false, 1, "check"));
        c.add(cli("check --format json", false, 1, "check", "--format", "json"));
        c.add(cli("diff --from URL", false, 0, "diff", "--from", LIVE_URL, "--to", "schema"));
        c.add(cli("diff --from URL --verbose --format json", false, 0, "diff", "--from", LIVE_URL, "--to", "schema",
                "--verbose", "--format", "json"));
        c.add(cli("revision --autogenerate", false, 0, "revision", "--autogenerate", "-m", "add account email"));
        c.add(arranged("test", Situation.EMPTY_DATABASE, false, 0, "test"));
        c.add(arranged("test --format json", Situation.EMPTY_DATABASE, false, 0, "test", "--format", "json"));
        c.add(cli("downgrade --sql", false, 0, "downgrade", "--sql", "head:base"));
        c.add(cli("downgrade", false, 0, "downgrade", "-1"));
        c.add(cli("upgrade again", false, 0, "upgrade", "head"));
        // what goes wrong
        c.add(arranged("status, wrong password", Situation.WRONG_PASSWORD, true, 1, "status"));
        c.add(arranged("upgrade --debug, wrong password", Situation.WRONG_PASSWORD, false, 1, "upgrade", "head", "--debug"));
        c.add(arranged("lint --debug, wrong password", Situation.WRONG_PASSWORD, false, 1, "lint", "--debug"));
        c.add(arranged("upgrade --debug, unreachable", Situation.UNREACHABLE, true, 1, "upgrade", "head", "--debug"));
        c.add(arranged("diff --from URL, unreachable", Situation.UNREACHABLE, false, 1, "diff", "--from", LIVE_URL,
                "--to", "schema"));
        c.add(arranged("status, password not percent-encoded in the URL", Situation.UNENCODED_URL, true, 2, "status"));
        c.add(arranged("diff --from URL, password not percent-encoded", Situation.UNENCODED_URL, false, 2,
                "diff", "--from", LIVE_URL, "--to", "schema", "--debug"));
        c.add(arranged("upgrade --debug, a failing migration", Situation.FAILING_MIGRATION, true, 1,
                "upgrade", "head", "--debug"));
        c.add(arranged("status --format json, a failed attempt recorded", Situation.AS_IS, false, 0,
                "status", "--format", "json"));
        c.add(arranged("upgrade, lock held", Situation.LOCK_HELD, true, 1, "upgrade", "head", "--lock-wait", "200ms"));
        c.add(arranged("status, config error", Situation.CONFIG_ERROR, true, 2, "status"));
        c.add(arranged("status, unquoted stepwise.toml", Situation.UNQUOTED_TOML, true, 2, "status"));
        c.add(arranged("upgrade, misspelt option", Situation.USAGE_ERROR, true, 2, "upgrade", "head"));
        c.add(arranged("upgrade, option name forgotten", Situation.STRAY_ARGUMENT, true, 2, "upgrade", "head"));
        // a real process: its own stderr, a thread dump the JVM prints, the files it writes
        c.add(child("child upgrade --debug, wrong password", Situation.WRONG_PASSWORD, 1, "upgrade", "head", "--debug"));
        c.add(child("child upgrade --debug, a failing migration", Situation.FAILING_MIGRATION, 1,
                "upgrade", "head", "--debug"));
        c.add(child("child upgrade waiting for the lock, thread dump", Situation.LOCK_HELD, 0,
                "upgrade", "head", "--lock-wait", "60s"));
        // an application calling the Java API: exceptions and what they carry
        c.add(library("Stepwise.status()", Situation.AS_IS, Stepwise::status));
        c.add(library("Stepwise.upgrade(), wrong password", Situation.WRONG_PASSWORD, s -> s.upgrade("head")));
        c.add(library("Stepwise.upgrade(), unreachable", Situation.UNREACHABLE, s -> s.upgrade("head")));
        c.add(library("Stepwise.upgrade(), a failing migration", Situation.FAILING_MIGRATION, s -> s.upgrade("head")));
        return c;
    }

    /** The commands of the given names, in their order in {@link #all()}. */
    static List<SecretCommand> named(String... names) {
        List<String> wanted = List.of(names);
        List<SecretCommand> found = all().stream().filter(c -> wanted.contains(c.name())).toList();
        if (found.size() != wanted.size()) {
            throw new IllegalArgumentException("no command named one of " + wanted + " in " + all());
        }
        return found;
    }

    private static SecretCommand cli(String name, boolean core, int exit, String... args) {
        return new SecretCommand(name, Situation.AS_IS, Runner.IN_PROCESS, core, exit, List.of(args), null);
    }

    /** A command in a situation of its own (most of them failures). */
    private static SecretCommand arranged(String name, Situation situation, boolean core, int exit, String... args) {
        return new SecretCommand(name, situation, Runner.IN_PROCESS, core, exit, List.of(args), null);
    }

    private static SecretCommand child(String name, Situation situation, int exit, String... args) {
        return new SecretCommand(name, situation, Runner.CHILD_JVM, false, exit, List.of(args), null);
    }

    /** A library call; its "exit" is 0 when it returns, 1 when it throws. */
    private static SecretCommand library(String name, Situation situation, Function<Stepwise, Object> call) {
        return new SecretCommand(name, situation, Runner.LIBRARY, false, situation == Situation.AS_IS ? 0 : 1,
                List.of(), call);
    }

    @Override
    public String toString() {
        return name;
    }
}
