package dev.stepwise.reliability.secrets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every text one command left where someone other than Stepwise could read it, each with where it
 * was found: its output streams, the log records and stack traces it produced, the files it
 * wrote, the rows it recorded, what the server showed of its sessions. A text already seen by an
 * earlier command of the same project (a history row, a file) is not taken again, so a leak is
 * counted once, against the command that made it.
 */
final class Exposure {

    /** One piece of text and where it was read. */
    record Text(String where, String text) {
    }

    private final Set<String> seenBefore;
    private final List<Text> texts = new ArrayList<>();

    private Exposure(Set<String> seenBefore) {
        this.seenBefore = seenBefore;
    }

    /** An exposure that skips what the given set (shared by one project's commands) has seen. */
    static Exposure after(Set<String> seenBefore) {
        return new Exposure(seenBefore);
    }

    static Exposure fresh() {
        return new Exposure(new HashSet<>());
    }

    void add(String where, String text) {
        if (text != null && !text.isEmpty() && seenBefore.add(where + "\u0000" + text)) {
            texts.add(new Text(where, text));
        }
    }

    /** Where each secret shows, in which form, with the text around it masked: empty when none does. */
    List<String> leaksOf(List<Secret> secrets) {
        List<String> leaks = new ArrayList<>();
        for (Text t : texts) {
            for (Secret secret : secrets) {
                String form = secret.foundIn(t.text());
                if (form != null) {
                    leaks.add("the password (" + form + ") in " + t.where() + ": " + excerpt(secret, t.text()));
                }
            }
        }
        return leaks;
    }

    List<Text> texts() {
        return List.copyOf(texts);
    }

    /** The masked line that holds the password, so a report shows the leak without repeating it. */
    private static String excerpt(Secret secret, String text) {
        String masked = secret.masked(text);
        int at = masked.indexOf("<password, ");
        int start = Math.max(0, masked.lastIndexOf('\n', at) + 1);
        int end = masked.indexOf('\n', at);
        String line = masked.substring(start, end < 0 ? masked.length() : end).strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
