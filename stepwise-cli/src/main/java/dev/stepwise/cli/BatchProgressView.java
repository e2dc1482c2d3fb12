package dev.stepwise.cli;

import dev.stepwise.backfill.BatchProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Shows a batched statement's progress: on a terminal, a bar with rows per second and the time
 * left (from the table's statistics); otherwise, as in CI logs, one line every few seconds.
 */
final class BatchProgressView {

    private static final Duration LINE_EVERY = Duration.ofSeconds(5);

    private final boolean terminal;
    private final PrintWriter err;
    private final Supplier<Instant> clock;
    private ProgressBar bar;
    private int barPass = -1;
    private Instant lastLine;

    BatchProgressView(boolean terminal, PrintWriter err, Supplier<Instant> clock) {
        this.terminal = terminal;
        this.err = err;
        this.clock = clock;
    }

    void show(BatchProgress p) {
        if (terminal) {
            bar(p);
        } else {
            line(p);
        }
    }

    private void bar(BatchProgress p) {
        if (bar == null || barPass != p.pass()) {
            closeBar();
            bar = new ProgressBarBuilder()
                    .setTaskName(p.table() + (p.pass() == 0 ? "" : " catch-up " + p.pass()))
                    .setInitialMax(p.keysTotal() > 0 ? p.keysTotal() : -1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" keys", 1)
                    .showSpeed()
                    .continuousUpdate()
                    .build();
            barPass = p.pass();
        }
        if (p.keysTotal() > 0 && p.keysDone() > bar.getMax()) {
            bar.maxHint(p.keysDone());
        }
        bar.stepTo(p.keysDone());
        bar.setExtraMessage(String.format(Locale.ROOT, " %,d rows changed, %.0f rows/s", p.rowsChanged(),
                p.rowsPerSecond()));
        if (p.finished()) {
            closeBar();
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private void line(BatchProgress p) {
        Instant now = clock.get();
        if (!p.finished() && lastLine != null && Duration.between(lastLine, now).compareTo(LINE_EVERY) < 0) {
            return;
        }
        lastLine = now;
        Duration eta = p.eta();
        String keys = p.keysTotal() > 0
                ? String.format(Locale.ROOT, "%,d of ~%,d keys", p.keysDone(), p.keysTotal())
                : String.format(Locale.ROOT, "%,d keys", p.keysDone());
        err.println(String.format(Locale.ROOT, "  %s %s%s: %s, %,d rows changed in %,d batches, %.0f rows/s%s",
                p.finished() ? "batched" : "batching", p.table(), p.pass() == 0 ? "" : " (catch-up pass " + p.pass() + ")",
                keys, p.rowsChanged(), p.batches(), p.rowsPerSecond(),
                p.finished() || eta == null ? "" : ", about " + Math.max(1, eta.toSeconds()) + "s left"));
        err.flush();
    }
}
