package dev.stepwise.stairway;

import java.util.List;

/**
 * The whole test: each migration walked, in graph order, up to the first that left the schema
 * different (the walk cannot go on from a schema it does not know), and what data it used.
 *
 * @param rows        rows generated per table ({@code --rows}), 0 for none
 * @param rowsSeed    the seed the rows were made from, or null without {@code --rows}
 * @param skipped     tables left without generated rows, and why
 * @param seedUnused  statements of the seed file that never found the tables they name
 * @param notReached  revisions after the failing one, not walked
 * @param notices     what else the test says (where it ran, a cleanup that failed)
 */
public record StairwayReport(List<StepReport> steps, long rows, Long rowsSeed, List<RowGenerator.Skipped> skipped,
                             List<String> seedUnused, List<String> notReached, List<String> notices) {

    public StairwayReport {
        steps = List.copyOf(steps);
        skipped = List.copyOf(skipped);
        seedUnused = List.copyOf(seedUnused);
        notReached = List.copyOf(notReached);
        notices = List.copyOf(notices);
    }

    public boolean passed() {
        return steps.stream().noneMatch(StepReport::failed);
    }
}
