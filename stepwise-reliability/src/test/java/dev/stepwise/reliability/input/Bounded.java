package dev.stepwise.reliability.input;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work on a thread of its own under a time limit, so a parser that loops forever is reported
 * as a hang instead of stopping the suite. A hung thread cannot be killed; it is a daemon, is
 * left behind, and the next call gets a fresh one.
 */
final class Bounded implements AutoCloseable {

    /** How one call ended: a value, a throwable, or nothing before the limit. */
    record Outcome<T>(T value, Throwable thrown, boolean hung) {
    }

    private ExecutorService worker = newWorker();

    <T> Outcome<T> call(Duration limit, Callable<T> work) {
        Future<T> result = worker.submit(work);
        try {
            return new Outcome<>(result.get(limit.toMillis(), TimeUnit.MILLISECONDS), null, false);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false);
        } catch (TimeoutException e) {
            result.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return new Outcome<>(null, null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a bounded call", e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-input-reader");
            t.setDaemon(true);
            return t;
        });
    }
}
