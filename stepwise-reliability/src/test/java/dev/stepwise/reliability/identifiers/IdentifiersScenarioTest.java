package dev.stepwise.reliability.identifiers;

import dev.stepwise.reliability.support.Reliability;
import dev.stepwise.reliability.support.ScenarioReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 5, identifiers and injection: every place Stepwise renders SQL from names, driven end
 * to end on the embedded PostgreSQL with {@link HostileNames} (quotes, spaces, mixed case,
 * multibyte characters, reserved words, statement syntax, injections aimed at the
 * {@link Canary}, names of exactly 63 bytes and past them). Each trial checks the catalog holds
 * exactly the intended names (read from {@code pg_class}, {@code pg_attribute},
 * {@code pg_constraint}, {@code pg_trigger}, {@code pg_proc}, compared as strings), that derived
 * names are distinct and within 63 bytes even where two share a 63-byte prefix, that the files
 * Stepwise writes name nothing PostgreSQL would cut, and that the canary is intact.
 *
 * <p>The surfaces: the expand/contract generators ({@link RenameColumnTrial} twice on one table
 * with shared-prefix names, {@link GeneratorTrial} for the other five), batched statements online
 * and offline ({@link BackfillTrial}), Stepwise's own tables and the usage baseline beside them,
 * with {@code standard_conforming_strings} off in one case ({@link VersionTableTrial}),
 * autogenerate, {@code check}, {@code drift} and the stairway test ({@link AutogenerateTrial}),
 * names holding line breaks through {@code baseline} and {@code diff} ({@link LineBreakTrial}),
 * {@code compat} ({@link CompatTrial}) and lint's fixes ({@link LintFixTrial}).
 *
 * <p>The reduced run ({@code mvn verify}, about 30 s) tries each surface once or twice with names
 * drawn from every family: 19 trials, every generator and every version-table case among them.
 * The full run ({@code -Dstepwise.reliability=full}, about 2 minutes) tries each surface 6 to 30
 * times with fresh names: 108 trials.
 */
class IdentifiersScenarioTest {

    @TempDir
    Path dir;

    /** One surface: how many trials in each run, and one trial. */
    private record Surface(String name, int reduced, int full, Trial trial) {
    }

    private interface Trial {
        String run(Path dir, HostileNames names, int index);
    }

    private static final List<GeneratorTrial.Kind> GENERATORS = List.of(GeneratorTrial.Kind.values());
    private static final List<VersionTableTrial.Case> VERSION_CASES = List.of(VersionTableTrial.Case.values());

    private static final List<Surface> SURFACES = List.of(
            new Surface("rename-column twice, shared 63-byte prefixes", 1, 10,
                    (d, n, i) -> RenameColumnTrial.run(d, n)),
            new Surface("the other generators", GENERATORS.size(), 5 * GENERATORS.size(),
                    (d, n, i) -> GeneratorTrial.run(d, n, GENERATORS.get(i % GENERATORS.size()))),
            new Surface("version and history tables, usage baseline, --sql", VERSION_CASES.size(), 20,
                    (d, n, i) -> VersionTableTrial.run(d, n, i < VERSION_CASES.size() ? VERSION_CASES.get(i)
                            : VersionTableTrial.Case.ANY)),
            new Surface("batched statements, online and --sql", 2, 12, (d, n, i) -> BackfillTrial.run(d, n)),
            new Surface("autogenerate, check, drift, test", 1, 8, (d, n, i) -> AutogenerateTrial.run(d, n)),
            new Surface("line breaks through baseline and diff", 2, 6, (d, n, i) -> LineBreakTrial.run(d, n)),
            new Surface("compat", 1, 10, (d, n, i) -> CompatTrial.run(d, n)),
            new Surface("lint fixes", 2, 12, (d, n, i) -> LintFixTrial.run(d, n)));

    @Test
    void hostileNames_makeExactlyTheIntendedObjects_withDistinctDerivedNames_andNothingElseRuns() {
        long seed = Reliability.seed("identifiers");
        HostileNames names = new HostileNames(seed);
        ScenarioReport report = ScenarioReport.start(5, "Identifiers and injection", seed);
        for (Surface surface : SURFACES) {
            int trials = Reliability.trials(surface.reduced(), surface.full());
            long started = System.nanoTime();
            int failuresBefore = report.failures().size();
            for (int i = 0; i < trials; i++) {
                Path trialDir = dir.resolve(surface.name().replaceAll("[^a-z0-9]+", "-") + "-" + i);
                report.trial(surface.trial().run(trialDir, names, i));
            }
            report.note(String.format(Locale.ROOT, "%s: %d (%d failed, %.1f s)", surface.name(), trials,
                    report.failures().size() - failuresBefore, (System.nanoTime() - started) / 1e9));
        }
        report.write();

        assertThat(report.failures()).as("trials that found wrong SQL, colliding names or a statement nobody wrote")
                .isEmpty();
    }
}
