package dev.stepwise.reliability.input;

import dev.stepwise.reliability.support.ScenarioReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hostile-input scenario's loop, shared by the counted run and its fault test: draw a mutant,
 * write it under its original's name into a directory of its own, read it as every command does
 * under a time limit, judge it ({@link MutantOracle}), and every so often run the CLI on it too
 * ({@link CliCheck}). Each mutant is one trial; a failing mutant can be kept, named by its seed,
 * to become a regression case.
 */
final class HostileInputScenario {

    /** Where the counted run keeps failing mutants. */
    static final Path KEPT = Path.of("target", "reliability", "hostile-input");
    /**
     * Reading is linear, but one pass over a mutant with a 4 MB line of 4 million tokens takes
     * seconds on a busy machine, and a reading is three passes: a hang is far beyond this.
     */
    private static final long SECONDS_PER_MEGABYTE = 5;

    /**
     * @param mutants       how many mutants (trials)
     * @param cliEvery      every how many mutants one also goes through the CLI
     * @param hugeLineChars the length of a huge line
     * @param kinds         the kinds of edit to draw from
     * @param limit         the longest reading of a small file before it counts as a hang; a
     *                      large one gets {@value #SECONDS_PER_MEGABYTE} s more per MB
     * @param kept          where to keep failing mutants, or null not to keep them
     */
    record Settings(int mutants, int cliEvery, int hugeLineChars, Set<Mutation> kinds, Duration limit, Path kept) {
    }

    private final ScenarioReport report;
    private final Settings settings;
    private final Path workspace;
    private final Map<Mutation, Integer> byKind = new EnumMap<>(Mutation.class);
    private final Map<MutantOracle.Verdict, Integer> byVerdict = new EnumMap<>(MutantOracle.Verdict.class);
    private int mixes;
    private int keepingMeaning;
    private Duration longest = Duration.ZERO;

    private HostileInputScenario(ScenarioReport report, Settings settings, Path workspace) {
        this.report = report;
        this.settings = settings;
        this.workspace = workspace;
    }

    /** Runs the scenario into {@code report}, with every random choice from {@code seed}. */
    static void run(ScenarioReport report, long seed, Settings settings, Path workspace) {
        new HostileInputScenario(report, settings, workspace).run(seed);
    }

    private void run(long seed) {
        List<Corpus.File> corpus = Corpus.files();
        MutantOracle oracle = new MutantOracle(originals(corpus));
        Mutants mutants = new Mutants(corpus, settings.kinds(), settings.hugeLineChars());
        CliCheck cli = new CliCheck(corpus, workspace);
        Random seeds = new Random(seed);
        try (Bounded bounded = new Bounded()) {
            for (int i = 0; i < settings.mutants(); i++) {
                Mutant mutant = mutants.draw(seeds.nextLong());
                String failure = trial(mutant, i % settings.cliEvery() == 0 ? cli : null, oracle, bounded);
                report.trial(failure == null ? null : mutant + ": " + failure + keep(mutant));
            }
        }
        note(corpus.size(), cli.runs() - 1);
    }

    private String trial(Mutant mutant, CliCheck cli, MutantOracle oracle, Bounded bounded) {
        count(mutant);
        Path directory = directoryWith(mutant.name(), mutant.bytes());
        Duration limit = settings.limit().plusSeconds(SECONDS_PER_MEGABYTE * mutant.bytes().length / (1024 * 1024));
        try {
            Path file = directory.resolve(mutant.name());
            long started = System.nanoTime();
            Bounded.Outcome<MigrationReading> outcome = bounded.call(limit, () -> MigrationReading.of(directory));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            longest = took.compareTo(longest) > 0 ? took : longest;
            MutantOracle.Judgement judgement = oracle.judge(mutant, file, outcome);
            byVerdict.merge(judgement.verdict(), 1, Integer::sum);
            if (judgement.failure() != null) {
                return judgement.failure() + (outcome.hung() ? " (" + limit.toSeconds() + " s)" : "");
            }
            if (cli == null) {
                return null;
            }
            Bounded.Outcome<String> cliFailure = bounded.call(limit.multipliedBy(3),
                    () -> cli.judge(mutant, outcome.value()));
            if (cliFailure.hung() || cliFailure.thrown() != null) {
                return "the CLI " + (cliFailure.hung() ? "hung" : "threw " + cliFailure.thrown());
            }
            return cliFailure.value();
        } finally {
            CliCheck.delete(directory);
        }
    }

    /** The corpus read unharmed: what a line-ending or BOM mutant must read as. */
    private Map<String, MigrationReading.Planned> originals(List<Corpus.File> corpus) {
        Map<String, MigrationReading.Planned> originals = new LinkedHashMap<>();
        for (Corpus.File file : corpus) {
            Path directory = directoryWith(file.name(), file.bytes());
            MigrationReading reading = MigrationReading.of(directory);
            CliCheck.delete(directory);
            if (!(reading instanceof MigrationReading.Planned planned)) {
                throw new IllegalStateException("corpus file " + file + " does not read: "
                        + ((MigrationReading.Refused) reading).error().getMessage());
            }
            originals.put(file.name(), planned);
        }
        return originals;
    }

    private void count(Mutant mutant) {
        mutant.kinds().forEach(k -> byKind.merge(k, 1, Integer::sum));
        mixes += mutant.kinds().size() > 1 ? 1 : 0;
        keepingMeaning += mutant.keepsMeaning() ? 1 : 0;
    }

    private void note(int files, int cliRuns) {
        report.note("mutants of " + files + " real migration files; edits: " + byKind.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().word()).collect(Collectors.joining(", "))
                + " (" + mixes + " mutants had several; a huge line is " + settings.hugeLineChars() / 1024 + " KB)");
        report.note(keepingMeaning + " changed only line endings or added a BOM, and must read as the original");
        report.note("read as: " + byVerdict.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", ")) + "; slowest reading " + longest.toMillis() + " ms (limit "
                + settings.limit().toSeconds() + " s + " + SECONDS_PER_MEGABYTE + " s per MB)");
        report.note(cliRuns + " also through `stepwise lint --offline`");
    }

    private Path directoryWith(String name, byte[] bytes) {
        try {
            Path directory = Files.createTempDirectory(workspace, "mutant");
            Files.write(directory.resolve(name), bytes);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a failing mutant's bytes, if asked to; says where. */
    private String keep(Mutant mutant) {
        if (settings.kept() == null) {
            return "";
        }
        try {
            Files.createDirectories(settings.kept());
            Path kept = settings.kept().resolve(mutant.seed() + "-" + mutant.name());
            Files.write(kept, mutant.bytes());
            return " (kept as " + kept + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
