package dev.stepwise.source;

import dev.stepwise.sql.Directive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum of a migration, fed piece by piece while the file is read once, and written with
 * the algorithm's version ({@code v1:<sha-256 hex>}) so a later algorithm can tell old values
 * apart instead of calling every applied migration changed.
 *
 * <p>Version 1 covers exactly what changes behaviour: each statement's tokens (so whitespace,
 * comments between tokens, line endings and a BOM do not count, while text inside literals and
 * bodies does) tagged with its section, the directives above it other than {@code allow}, and
 * the header keys {@code down_revision}, {@code depends_on}, {@code transaction}, {@code phase}
 * and {@code expands} with defaults applied (parents and dependencies in sorted order, as their
 * order means nothing). {@code message}, {@code allow} and comments never count.
 *
 * <p>Every piece enters the digest length-prefixed, so no two different inputs run together
 * into the same bytes.
 */
public final class Checksum {

    /** The algorithm version that new checksums are written with. */
    public static final String VERSION = "v1";

    private final MessageDigest digest;

    private Checksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A new, empty checksum of the current version. */
    static Checksum start() {
        return new Checksum();
    }

    /** The version part of a stored checksum, e.g. {@code v1}; empty when it has none. */
    public static String versionOf(String checksum) {
        int colon = checksum.indexOf(':');
        return colon < 0 ? "" : checksum.substring(0, colon);
    }

    /** Adds one statement of a section with the directives that govern it. */
    void statement(Direction section, List<Directive> directives, List<String> tokens) {
        piece("statement");
        piece(section.keyword());
        for (Directive directive : directives) {
            // An allow only silences lint; it never changes what runs.
            if (!directive.name().equals(DirectiveSyntax.ALLOW)) {
                piece("directive");
                piece(directive.canonicalText());
            }
        }
        piece("tokens");
        piece(String.join(" ", tokens));
    }

    /** Adds the header keys that change behaviour. */
    void header(MigrationHeader header) {
        piece("down_revision");
        piece(String.join(",", header.downRevisions().stream().sorted().toList()));
        piece("depends_on");
        piece(String.join(",", header.dependsOn().stream().sorted().toList()));
        piece("transaction");
        piece(header.transaction().keyword());
        piece("phase");
        piece(header.phase().keyword());
        piece("expands");
        piece(header.expands() == null ? "" : header.expands());
    }

    /** Adds the class a Java-coded migration runs. */
    void javaClass(String className) {
        piece("class");
        piece(className);
    }

    /** The versioned value; the checksum cannot be fed after this. */
    String value() {
        return text(digest());
    }

    /**
     * The SHA-256 digest alone, for a holder that keeps it as 32 bytes and renders {@link #text}
     * when asked; the checksum cannot be fed after this.
     */
    byte[] digest() {
        return digest.digest();
    }

    /** The versioned value of a digest of the current version: {@code v1:<hex>}. */
    static String text(byte[] digest) {
        return VERSION + ":" + HexFormat.of().formatHex(digest);
    }

    /**
     * The digest in a value {@link #text} wrote.
     *
     * @throws IllegalArgumentException when it is not of the current version or not hex
     */
    static byte[] digestOf(String checksum) {
        if (!versionOf(checksum).equals(VERSION)) {
            throw new IllegalArgumentException("not a " + VERSION + " checksum: " + checksum);
        }
        return HexFormat.of().parseHex(checksum, VERSION.length() + 1, checksum.length());
    }

    private void piece(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
