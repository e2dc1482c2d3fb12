package dev.stepwise.reliability.secrets;

import dev.stepwise.reliability.support.ScenarioReport;
import dev.stepwise.reliability.secrets.SourceBench.Outcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Gives the password to each command through each source and looks for it in everything the
 * command left: one trial per (source × command), failed when the password shows anywhere in any
 * form, or when the command did not end as it should (a command that never logged in proves
 * nothing about where the password goes once it has).
 */
final class SecretsScenario {

    private final PasswordServer server;
    private final Secret password;
    private final Secret wrongPassword;
    private final Path directory;
    private final Random random;
    private final Map<String, Integer> examined = new TreeMap<>();

    SecretsScenario(PasswordServer server, Secret password, Secret wrongPassword, Path directory, Random random) {
        this.server = server;
        this.password = password;
        this.wrongPassword = wrongPassword;
        this.directory = directory;
        this.random = random;
    }

    /**
     * Runs the commands for the sources. With {@code everyCommandEverySource}, every command for
     * every source; else every core command for every source, and each other command for one
     * source, drawn from the seed.
     */
    void run(List<PasswordSource> sources, List<SecretCommand> commands, boolean everyCommandEverySource,
             ScenarioReport report) {
        try (SessionWatch watch = SessionWatch.on(server)) {
            run(sources, commands, everyCommandEverySource, report, watch);
        }
    }

    private void run(List<PasswordSource> sources, List<SecretCommand> commands, boolean everyCommandEverySource,
                     ScenarioReport report, SessionWatch watch) {
        List<SourceBench> benches = new ArrayList<>();
        for (PasswordSource source : sources) {
            benches.add(SourceBench.create(server, watch, source, password, wrongPassword,
                    directory.resolve(source.name().toLowerCase(java.util.Locale.ROOT))));
        }
        int offset = random.nextInt(sources.size());
        int others = 0;
        for (SecretCommand command : commands) {
            int chosen = command.core() || everyCommandEverySource ? -1 : (offset + others++) % sources.size();
            for (int i = 0; i < sources.size(); i++) {
                SourceBench bench = benches.get(i);
                if ((chosen < 0 || chosen == i) && bench.applies(command)) {
                    report.trial(check(sources.get(i), command, bench));
                }
            }
        }
    }

    /**
     * How many texts of each kind were looked at ("a row of public.stepwise_history": 40), so a
     * test can show the search was not vacuous: a leak in a place never read would go unseen.
     */
    Map<String, Integer> examined() {
        return Map.copyOf(examined);
    }

    private String check(PasswordSource source, SecretCommand command, SourceBench bench) {
        Outcome outcome = bench.run(command);
        for (Exposure.Text t : outcome.exposure().texts()) {
            examined.merge(kind(t), 1, Integer::sum);
        }
        List<String> problems = new ArrayList<>(outcome.exposure().leaksOf(bench.secrets()));
        if (outcome.exit() != command.exit()) {
            String shown = outcome.shown();
            for (Secret s : bench.secrets()) {
                shown = s.masked(shown);
            }
            problems.add("exit " + outcome.exit() + ", expected " + command.exit() + ":\n" + shown.indent(4));
        }
        return problems.isEmpty() ? null : source + " × " + command + ": " + String.join("; ", problems);
    }

    /** Where a text was found, files by their name alone, and the two signs that a kind of evidence was really read. */
    private static String kind(Exposure.Text t) {
        if (t.where().equals("pg_stat_activity") && t.text().startsWith("application_name=stepwise-")) {
            return "pg_stat_activity: a Stepwise session";
        }
        if (t.where().equals("child stdout") && t.text().contains("Full thread dump")) {
            return "child stdout: a thread dump";
        }
        if (t.where().startsWith("file ")) {
            return "file " + t.where().substring(t.where().lastIndexOf('/') + 1);
        }
        return t.where();
    }
}
