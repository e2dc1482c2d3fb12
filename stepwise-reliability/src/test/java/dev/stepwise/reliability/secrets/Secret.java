package dev.stepwise.reliability.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A password made for one run: high-entropy, drawn from the scenario's seed, and holding the
 * characters that percent-encoding and JSON escaping change ({@code % @ : / ? & " \}, a space,
 * a letter outside ASCII), so that its plain, percent-encoded and JSON-escaped forms all differ
 * and a search for one never stands in for the others. {@code toString()} never shows it.
 */
final class Secret {

    /** Each changes under percent-encoding; {@code " \\} and the non-ASCII letter under JSON escaping too. */
    private static final String AWKWARD = "%@:/?&\" \\\u00f8";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** Two runs of 12 of 57 characters (~70 bits each): no other text holds one by chance. */
    private static final int RUN = 12;

    private final String plain;
    private final List<String> runs;

    private Secret(String plain, List<String> runs) {
        this.plain = plain;
        this.runs = runs;
    }

    /**
     * A random run, the awkward characters shuffled with a few random letters between them, and
     * another random run: the runs survive any encoding, so finding one finds the password in a
     * form this class has no name for (or a piece of it).
     */
    static Secret draw(Random random) {
        String head = run(random, RUN);
        String tail = run(random, RUN);
        List<Character> middle = new ArrayList<>();
        for (char c : AWKWARD.toCharArray()) {
            middle.add(c);
        }
        for (char c : run(random, 4).toCharArray()) {
            middle.add(c);
        }
        Collections.shuffle(middle, random);
        StringBuilder s = new StringBuilder(head);
        middle.forEach(s::append);
        return new Secret(s.append(tail).toString(), List.of(head, tail));
    }

    private static String run(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** The password as a user types it. */
    String plain() {
        return plain;
    }

    /** As RFC 3986 user-info or a query value wants it: {@code %20} for a space, every reserved character escaped. */
    String percentEncoded() {
        return URLEncoder.encode(plain, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Every form the password could take in text, by name: plain, {@link URLEncoder}'s ({@code +}
     * for a space), RFC 3986's, the same with lowercase hex, and JSON's (as Jackson writes it, and
     * with non-ASCII escaped as {@code \\u}), and last either random run alone, which any other
     * encoding or a truncation would leave standing.
     */
    Map<String, String> forms() {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("plain", plain);
        forms.put("URLEncoder", URLEncoder.encode(plain, StandardCharsets.UTF_8));
        forms.put("RFC 3986", percentEncoded());
        forms.put("RFC 3986 lowercase hex", lowercaseHex(percentEncoded()));
        forms.put("JSON", json(plain, false));
        forms.put("JSON ASCII", json(plain, true));
        forms.put("JSON ASCII uppercase hex", json(plain, true).replace("\\u00f8", "\\u00F8"));
        for (int i = 0; i < runs.size(); i++) {
            forms.put("a piece of it, in some other form (run " + (i + 1) + ")", runs.get(i));
        }
        return forms;
    }

    /** The name of the first form found in the text, or null when none is. */
    String foundIn(String text) {
        if (text == null) {
            return null;
        }
        for (Map.Entry<String, String> form : forms().entrySet()) {
            if (text.contains(form.getValue())) {
                return form.getKey();
            }
        }
        return null;
    }

    /** The text with every form replaced by a marker, fit for a failure message. */
    String masked(String text) {
        String masked = text;
        for (Map.Entry<String, String> form : forms().entrySet()) {
            masked = masked.replace(form.getValue(), "<password, " + form.getKey() + ">");
        }
        return masked;
    }

    private static String lowercaseHex(String encoded) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                s.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase(java.util.Locale.ROOT));
                i += 2;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static String json(String text, boolean asciiOnly) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || asciiOnly && c > 0x7e) {
                s.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "Secret[" + plain.length() + " characters]";
    }
}
