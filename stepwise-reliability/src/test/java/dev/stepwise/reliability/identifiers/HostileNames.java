package dev.stepwise.reliability.identifiers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Names that break SQL made by pasting text together: quotes, spaces, mixed case, multibyte
 * characters, reserved words, statement syntax and injections aimed at the {@link Canary}, and
 * names at and past PostgreSQL's 63 bytes (ASCII and multibyte, where a cut would fall inside a
 * character). Every choice comes from the scenario's seed, and one generator never hands out the
 * same name twice (so names in one trial are distinct as PostgreSQL stores them).
 */
final class HostileNames {

    /** PostgreSQL's limit on a name, in bytes ({@code NAMEDATALEN - 1}). */
    static final int MAX_BYTES = 63;

    /** What makes a name hostile. */
    enum Family {
        QUOTES, SPACES, MIXED_CASE, UNICODE, RESERVED, SYNTAX, INJECTION, EXACTLY_63_BYTES, MULTIBYTE_63_BYTES
    }

    private static final List<String> QUOTES = List.of("a\"b", "\"", "\"\"quoted\"\"", "it's", "'", "o''clock",
            "\"'mixed'\"");
    private static final List<String> SPACES = List.of("Order Items", " leading", "trailing ", "two  spaces",
            "tab\there", "line\nbreak", "ONLY me", "x AS y");
    private static final List<String> MIXED_CASE = List.of("OrderTotal", "ID", "camelCase", "UPPER_CASE", "Über");
    private static final List<String> UNICODE = List.of("ü", "名前", "😀", "größe", "naïve café", "Ωμέγα",
            "e\u0301", "\u00e9", "零点");
    /** Reserved words, and words PostgreSQL refuses as a bare name in some place a name goes. */
    private static final List<String> RESERVED = List.of("select", "user", "order", "table", "from", "check",
            "default", "primary", "end", "column", "constraint", "where", "current_schema", "system_user", "is",
            "all", "collation");
    private static final List<String> SYNTAX = List.of("a;b", "x -- y", "/* c */", "*/", "$stepwise$", "$$",
            "a.b", "a:b", "back\\slash", "?", "$1", "%s", "{0}", "ADD CHECK", "x ADD FOREIGN KEY", "INDEX ");
    /** Aimed at the canary: quoting that is missing or wrong runs them. */
    private static final List<String> INJECTION = List.of(
            "x\"; DROP TABLE canary; --",
            "x; DROP TABLE canary; --",
            "x'); DELETE FROM canary; --",
            "'; DELETE FROM canary; --",
            "x\"); DELETE FROM canary; --",
            "x$$; DELETE FROM canary; $$",
            // ends a plain literal early where standard_conforming_strings is off
            "x\\'); DELETE FROM canary; --");

    private final Random random;
    private final Set<String> given = new HashSet<>();

    HostileNames(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A name of a random family, as PostgreSQL stores it (at most 63 bytes). */
    String next() {
        Family[] families = Family.values();
        return next(families[random.nextInt(families.length)]);
    }

    /** A name of the family, not handed out before. */
    String next(Family family) {
        for (int attempt = 0; ; attempt++) {
            String name = candidate(family, attempt);
            if (given.add(name)) {
                return name;
            }
        }
    }

    /** One of the given families, at random. */
    String nextOf(Family... families) {
        return next(families[random.nextInt(families.length)]);
    }

    private String candidate(Family family, int attempt) {
        String tag = attempt < 2 ? "" : String.valueOf(attempt);
        return switch (family) {
            case QUOTES -> pick(QUOTES) + tag;
            case SPACES -> pick(SPACES) + (tag.isEmpty() ? "" : " " + tag);
            case MIXED_CASE -> pick(MIXED_CASE) + tag;
            case UNICODE -> pick(UNICODE) + tag;
            case RESERVED -> attempt == 0 ? pick(RESERVED) : pick(RESERVED) + "_" + attempt;
            case SYNTAX -> pick(SYNTAX) + tag;
            case INJECTION -> pick(INJECTION) + tag;
            case EXACTLY_63_BYTES -> padded(pick(List.of("Long Name ", "long\"name ", "long'name;", "LONG-")) + tag,
                    "x", MAX_BYTES);
            case MULTIBYTE_63_BYTES -> multibyte63(tag);
        };
    }

    /** Exactly 63 bytes of two- to four-byte characters (and an ASCII filler where they do not divide 63). */
    private String multibyte63(String tag) {
        String unit = pick(List.of("名", "ü", "😀", "前"));
        return padded(tag, unit, MAX_BYTES);
    }

    /**
     * Two names of exactly {@code bytes} bytes (at most 63) that differ only in their last
     * character: anything derived from them ({@code <table>_<column>_<suffix>}) shares a prefix of
     * 63 bytes and more, so PostgreSQL's cut would make the two derived names one.
     */
    List<String> sharingPrefix(int bytes) {
        String stem = pick(List.of("Shared Prefix ", "shared\"prefix ", "geteiltes Präfix ", "共有", "$stepwise$ "))
                + given.size();
        List<String> two = new ArrayList<>();
        for (String last : List.of("a", "b")) {
            String name = padded(stem, "ü", bytes - 1) + last;
            if (!given.add(name)) {
                throw new IllegalStateException("a shared-prefix name came out twice: " + name);
            }
            two.add(name);
        }
        return two;
    }

    /**
     * A name longer than 63 bytes whose 63rd byte falls inside a multibyte character when
     * {@code splitCharacter}: PostgreSQL stores its {@link #stored} prefix.
     */
    String overlong(boolean splitCharacter) {
        for (int attempt = 0; ; attempt++) {
            // split: two-byte characters to 62 bytes, then a three-byte one (fewer than 63 characters, too)
            String head = padded(pick(List.of("Overlong ", "overlong\"", "Über lang ")) + given.size() + attempt,
                    splitCharacter ? "ü" : "x", splitCharacter ? MAX_BYTES - 1 : MAX_BYTES);
            String name = head + (splitCharacter ? "名前" : "y tail past the limit");
            if (given.add(name) && given.add(stored(name))) {
                return name;
            }
        }
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** {@code start} then {@code unit} repeated, then ASCII x, to exactly {@code bytes} bytes. */
    private static String padded(String start, String unit, int bytes) {
        StringBuilder s = new StringBuilder(start);
        while (bytes(s + unit) <= bytes) {
            s.append(unit);
        }
        while (bytes(s.toString()) < bytes) {
            s.append('x');
        }
        if (bytes(s.toString()) != bytes) {
            throw new IllegalStateException("cannot pad " + start + " to " + bytes + " bytes");
        }
        return s.toString();
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The name as PostgreSQL stores it: cut to 63 bytes, never inside a character. */
    static String stored(String name) {
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int cp : name.codePoints().toArray()) {
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > MAX_BYTES) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
        }
        return kept.toString();
    }
}
