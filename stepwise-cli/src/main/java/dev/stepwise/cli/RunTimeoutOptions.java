package dev.stepwise.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The lock-timeout settings as flags of the commands that change the database; each writes the
 * {@code stepwise.toml} key it overrides, so the config loader reads flags, environment and file
 * the same way (see docs/configuration.md).
 */
final class RunTimeoutOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private void set(String key, String value) {
        ((Main) mixee.root().userObject()).settings.configFlags.put(key, value);
    }

    @Option(names = "--lock-wait", paramLabel = "DURATION", description = "How long to wait for another runner (default 10m).")
    void lockWait(String value) {
        set("lock_wait", value);
    }

    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "First lock timeout of statements that queue traffic (default 100ms).")
    void lockTimeout(String value) {
        set("lock_timeout", value);
    }

    @Option(names = "--lock-timeout-max", paramLabel = "DURATION", description = "The cap it doubles up to (default 2s).")
    void lockTimeoutMax(String value) {
        set("lock_timeout_max", value);
    }

    @Option(names = "--lock-retry-budget", paramLabel = "DURATION", description = "How long one step may retry (default 3m).")
    void lockRetryBudget(String value) {
        set("lock_retry_budget", value);
    }

    @Option(names = "--lock-retry-backoff", paramLabel = "DURATION", description = "First pause between attempts (default 100ms).")
    void lockRetryBackoff(String value) {
        set("lock_retry_backoff", value);
    }

    @Option(names = "--statement-budget", paramLabel = "DURATION",
            description = "Bound of concurrent index builds, VALIDATE and other long steps (default 1h).")
    void statementBudget(String value) {
        set("statement_budget", value);
    }

    @Option(names = "--attempt-timeout", paramLabel = "DURATION",
            description = "Bound of one attempt of a step that queues traffic (default 5m).")
    void attemptTimeout(String value) {
        set("attempt_timeout", value);
    }

    @Option(names = "--contract-delay", paramLabel = "DURATION",
            description = "Time a contract migration waits after its expand (default 0).")
    void contractDelay(String value) {
        set("contract_delay", value);
    }
}
