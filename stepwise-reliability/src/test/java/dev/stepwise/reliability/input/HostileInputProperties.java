package dev.stepwise.reliability.input;

import dev.stepwise.fault.Guarantee;
import dev.stepwise.reliability.support.Reliability;
import dev.stepwise.reliability.support.ScenarioReport;
import dev.stepwise.reliability.support.TestFaults;
import net.jqwik.api.Example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 4, hostile and broken input: real migration files (the shop example's and a handful
 * more, see {@link Corpus}) mutated at random, truncated at any byte, with binary garbage, an
 * extra or missing quote, double quote or dollar tag, a huge line, invalid UTF-8, CRLF or lone-CR
 * line endings, a BOM, or several of these, each read the way every command reads a file. A mutant
 * reads as the same plan as its original (which line endings and a BOM must), or as another plan
 * whose checksum says it changed, or is refused with exit 2 naming the file and a line it has;
 * never another exception, never a hang (see {@link MutantOracle}). Every tenth mutant also goes
 * through {@code stepwise lint --offline} ({@link CliCheck}).
 *
 * <p>Reduced run ({@code mvn verify}): 400 mutants with huge lines of 320 KB (past the size up to
 * which a file's statements are kept in memory, so the streamed pass is read too), 40 of them
 * through the CLI (about 15 s). Full run ({@code -Dstepwise.reliability=full}): 3,000 mutants with
 * huge lines of 4 MB, 300 through the CLI (minutes: each 4 MB mutant is read three times).
 *
 * <p>Each scenario runs as one jqwik {@code @Example}: jqwik's arbitraries describe the mutants,
 * but a property's tries are fixed in its annotation, so the scenario draws its own number of them
 * from a {@link java.util.Random} seeded by {@link Reliability#seed}, a seed per mutant. The run's
 * seed is printed, and {@code -Dstepwise.reliability.seed=N} replays the run. A failing mutant is
 * reported with its own seed ({@code Mutants#draw} with it and the same settings builds it again)
 * and its bytes are kept under {@code target/reliability/hostile-input/}, ready to become a case of
 * {@link HostileInputRegressionTest}.
 */
class HostileInputProperties {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Example
    void everyMutant_readsAsItsOriginal_orAsAnotherPlan_orIsRefusedNamingFileAndLine() throws IOException {
        Path workspace = Files.createTempDirectory("hostile-input");
        long seed = Reliability.seed("hostile input");
        ScenarioReport report = ScenarioReport.start(4, "Hostile and broken input", seed);
        try {
            HostileInputScenario.run(report, seed, new HostileInputScenario.Settings(Reliability.trials(400, 3000),
                    10, Reliability.trials(320 * 1024, 4 * 1024 * 1024), EnumSet.allOf(Mutation.class), LIMIT,
                    HostileInputScenario.KEPT), workspace);
        } finally {
            CliCheck.delete(workspace);
        }
        report.write();

        assertThat(report.failures()).as("mutants the reader mishandled").isEmpty();
    }

    @Example
    void withoutLineEndingNormalisation_theScenarioCatchesCrlfAndBomMutants() throws Exception {
        Path workspace = Files.createTempDirectory("hostile-input-fault");
        long seed = Reliability.seed("hostile input, LINE_ENDINGS off");
        // never written: the table's row is the real run's
        ScenarioReport report = ScenarioReport.start(4, "Hostile and broken input, fault", seed);
        try (AutoCloseable off = TestFaults.off(Guarantee.LINE_ENDINGS)) {
            HostileInputScenario.run(report, seed, new HostileInputScenario.Settings(30, 10, 1024,
                    Mutation.KEEPING_MEANING, LIMIT, null), workspace);
        } finally {
            CliCheck.delete(workspace);
        }

        System.out.println("with LINE_ENDINGS off: " + report.failures().size() + " of " + report.trials()
                + " line-ending and BOM mutants caught");
        assertThat(report.failures()).as("line-ending and BOM mutants caught").isNotEmpty();
        assertThat(report.failures()).allMatch(f -> f.contains("does not read like the original")
                || f.contains("refused, though only line endings or a BOM changed")
                || f.contains("the CLI"));
    }
}
