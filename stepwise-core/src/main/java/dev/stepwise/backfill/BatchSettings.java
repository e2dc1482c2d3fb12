package dev.stepwise.backfill;

import dev.stepwise.sql.Directive;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of {@code -- stepwise:batch size=1000|auto target=50ms pause=0ms flag=NAME}, with those
 * defaults (no flag).
 *
 * @param size   rows per batch, or 0 for {@code auto}: sized so each batch takes about {@code target}
 * @param target the duration an automatically sized batch aims at
 * @param pause  the wait between batches, room for the rest of the database's traffic
 * @param flag   a setting each batch's transaction turns on for itself alone, so that triggers can
 *               tell the batches' writes from the application's (the generators' sync triggers
 *               do not echo a backfill back), or null
 */
public record BatchSettings(int size, Duration target, Duration pause, String flag) {

    public static final int DEFAULT_SIZE = 1000;
    public static final Duration DEFAULT_TARGET = Duration.ofMillis(50);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|min)");

    public static BatchSettings of(Directive batch) {
        String size = batch.options().getOrDefault("size", String.valueOf(DEFAULT_SIZE));
        return new BatchSettings(size.equals("auto") ? 0 : Integer.parseInt(size),
                duration(batch.options().get("target"), DEFAULT_TARGET),
                duration(batch.options().get("pause"), Duration.ZERO), batch.options().get("flag"));
    }

    public boolean automatic() {
        return size == 0;
    }

    private static Duration duration(String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
