package dev.stepwise.source;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a migration file, {@code <yyyyMMddHHmmss>_<revision>_<slug>.sql} with a UTC
 * timestamp, so that a directory listing sorts migrations by creation time.
 *
 * <p>Revision ids and slugs may both contain {@code _}, so a name alone cannot say where the
 * revision ends; {@link #names(String)} answers the question that matters, whether the name
 * belongs to a given revision. A migration without a message has no slug:
 * {@code <timestamp>_<revision>.sql}.
 *
 * @param timestamp when the migration was created, to the second
 * @param stem      the part between the timestamp and {@code .sql}: the revision, then
 *                  {@code _<slug>} if there is one
 */
public record MigrationFileName(Instant timestamp, String stem) {

    /** Slugs are cut to this many characters so file names stay readable in a listing. */
    public static final int MAX_SLUG_LENGTH = 40;

    private static final Pattern NAME = Pattern.compile("(\\d{14})_([a-z0-9_]+)\\.sql");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The name for a new migration: the timestamp in UTC, the revision, the message's slug. */
    public static MigrationFileName of(Instant created, String revision, String message) {
        String slug = slug(message);
        return new MigrationFileName(created.truncatedTo(ChronoUnit.SECONDS),
                slug.isEmpty() ? revision : revision + "_" + slug);
    }

    /** The parsed name, or empty when it does not have the migration file name's shape. */
    public static Optional<MigrationFileName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant timestamp = TIMESTAMP.parse(m.group(1), Instant::from);
            return Optional.of(new MigrationFileName(timestamp, m.group(2)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The expected shape, for messages about a name that does not have it. */
    public static String pattern() {
        return "<yyyyMMddHHmmss>_<revision>_<slug>.sql (UTC timestamp; revision and slug in"
                + " lowercase letters, digits and `_`)";
    }

    /**
     * A message as a file name part: lowercase ASCII letters and digits, accents dropped, every
     * other run of characters one {@code _}, at most {@link #MAX_SLUG_LENGTH} characters.
     */
    public static String slug(String message) {
        String plain = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_");
        String trimmed = trimUnderscores(plain);
        if (trimmed.length() > MAX_SLUG_LENGTH) {
            trimmed = trimUnderscores(trimmed.substring(0, MAX_SLUG_LENGTH));
        }
        return trimmed;
    }

    /** Whether this name belongs to the revision: the stem is the revision or starts with it. */
    public boolean names(String revision) {
        return stem.equals(revision) || stem.startsWith(revision + "_");
    }

    /** The file name, e.g. {@code 20240501093000_7c1e2a9b4f01_add_users_email.sql}. */
    public String fileName() {
        return TIMESTAMP.format(timestamp) + "_" + stem + ".sql";
    }

    @Override
    public String toString() {
        return fileName();
    }

    private static String trimUnderscores(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '_') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '_') {
            end--;
        }
        return s.substring(start, end);
    }
}
