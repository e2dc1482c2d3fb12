package dev.stepwise.run;

import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.TableNames;

import java.time.Clock;

/**
 * What every run needs besides its migrations: the dialect, a way to open connections, where the
 * version tables are, time, and someone to tell.
 */
public record RunEnvironment(Dialect dialect, ConnectionSource connections, TableNames tables, String runId,
                             Clock clock, Sleeper sleeper, RunListener listener) {
}
