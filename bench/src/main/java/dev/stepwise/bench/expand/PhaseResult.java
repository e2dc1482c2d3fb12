package dev.stepwise.bench.expand;

import dev.stepwise.bench.load.LatencyWindow;

import java.util.List;

/**
 * One measured stretch of a run: how long it took, what the load saw during it, and, for a
 * Stepwise phase, what the load saw during each of the runner's steps and every lock retry.
 *
 * @param name        {@link #LOAD_ALONE}, {@link #EXPAND}, {@link #CONTRACT} or {@link #NAIVE}
 * @param steps       the runner's steps in order (empty for the load alone and the naive statement)
 * @param lockRetries each retry's line as the CLI prints it
 * @param slowest     the slowest request of the phase and the step it was due in
 */
record PhaseResult(String name, double seconds, LatencyWindow load, List<StepResult> steps, List<String> lockRetries,
                   String slowest) {

    static final String LOAD_ALONE = "load alone";
    static final String EXPAND = "upgrade --phase expand";
    static final String CONTRACT = "upgrade (the contract)";
    static final String NAIVE = "naive statement";

    PhaseResult {
        steps = List.copyOf(steps);
        lockRetries = List.copyOf(lockRetries);
    }

    static PhaseResult loadAlone(double seconds, LatencyWindow load) {
        return new PhaseResult(LOAD_ALONE, seconds, load, List.of(), List.of(), "");
    }

    /**
     * One step of the runner.
     *
     * @param label       {@code <revision> k/n}
     * @param description the runner's line for it
     * @param batches     for a batched statement, its batches on average; else empty
     */
    record StepResult(String label, String description, double seconds, LatencyWindow load, String batches) {
    }

    /**
     * One run of a mode: its phases in order, the load alone first.
     *
     * @param oldCode what the old code's query got after the naive statement, or after the expand
     */
    record Run(List<PhaseResult> phases, String oldCode) {

        Run {
            phases = List.copyOf(phases);
        }

        PhaseResult phase(String name) {
            return phases.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no phase " + name + " in " + phases));
        }
    }
}
