package dev.stepwise.run;

import dev.stepwise.config.LockTimeouts;
import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.TableNames;

import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * What every run needs besides its migrations: the dialect, a way to open connections, where the
 * version tables are, how statements wait for locks, time, chance (the jitter between retries),
 * someone to tell, and the event hooks tests listen on.
 */
public record RunEnvironment(Dialect dialect, ConnectionSource connections, TableNames tables, String runId,
                             LockTimeouts lockTimeouts, Clock clock, Sleeper sleeper, RandomGenerator random,
                             RunListener listener, RunEvents events) {
}
