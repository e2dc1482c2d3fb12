package dev.stepwise.postgres.diff;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.util.Random;

/**
 * The diff's round trip over generated schema pairs: A is a random schema over the enabled
 * {@link GeneratedKind}s (by default the kinds the diff changes), B is A with a few objects
 * added, dropped or altered; on real PostgreSQL, A plus diff(A→B) has B's model and the diff
 * back has A's ({@link RoundTrip}, each pair on databases of its own, dropped after the try).
 *
 * <p>Seeded, so a run is repeatable: the seed and the number of tries are printed. The number of
 * tries is {@value #DEFAULT_TRIES} unless {@code -Dstepwise.diff.tries=N} says otherwise (the full
 * suite: {@code -Dstepwise.diff.tries=1000}); {@code -Dstepwise.diff.seed=S} runs another seed. A
 * failure shows the SQL of both schemas and the pair's own seed (the generated long), which
 * {@link #pair(long)} turns back into the same pair.
 */
class SchemaDiffRoundTripProperties {

    static final int DEFAULT_TRIES = 50;
    static final String DEFAULT_SEED = "20261202";

    /** Generated schemas hold no rows: any column type change casts, and nothing needs data. */
    record SchemaPair(long seed, String a, String b) {

        @Override
        public String toString() {
            return "pair " + seed + "\n-- A\n" + a + "-- B\n" + b;
        }
    }

    static SchemaPair pair(long seed) {
        SchemaGenerator generator = new SchemaGenerator(new Random(seed), GeneratedKind.enabled());
        SchemaSpec a = generator.schema();
        return new SchemaPair(seed, a.sql(), generator.mutated(a).sql());
    }

    @Provide
    Arbitrary<SchemaPair> pairs() {
        return Arbitraries.longs().map(SchemaDiffRoundTripProperties::pair);
    }

    @Property(seed = DEFAULT_SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(TriesAndSeed.class)
    void aPlusTheDiffIsB_andTheReverseBringsItBackToA(@ForAll("pairs") SchemaPair pair) {
        try {
            // a generated column changed is dropped and added, so it comes back last
            RoundTrip.between(pair.a(), pair.b()).toleratingNote("in another order")
                    .comparing(RoundTrip.Comparison.APART_FROM_COLUMN_ORDER).holds();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("pair " + pair.seed() + " (pair(" + pair.seed() + "L) makes it again): "
                    + e.getMessage());
        }
    }

    /** Takes the tries and the seed from system properties, which an annotation cannot read. */
    static final class TriesAndSeed implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            int tries = Integer.getInteger("stepwise.diff.tries", DEFAULT_TRIES);
            String seed = System.getProperty("stepwise.diff.seed", DEFAULT_SEED);
            context.attributes().setTries(tries);
            context.attributes().setSeed(seed);
            System.out.println(context.extendedLabel() + ": " + tries + " tries, seed " + seed
                    + " (-Dstepwise.diff.tries, -Dstepwise.diff.seed)");
            return property.execute();
        }
    }
}
