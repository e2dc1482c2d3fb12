package dev.stepwise.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of TOML a settings file uses: {@code key = value} lines with strings (basic and
 * literal), integers, booleans and arrays of those (over several lines too), {@code [table]}
 * headers, and {@code #} comments. Keys of a table come back as {@code table.key}.
 *
 * <p>Why not a TOML library: every command reads {@code stepwise.toml}, and the one we used took
 * about 150 ms to initialise in a fresh JVM, half of what reading 1,000 migrations costs. Anything
 * beyond this subset (inline tables, dates, multi-line strings) is reported as unsupported, with
 * the line, so nothing is silently misread.
 */
public final class TomlFile {

    private final Path file;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private String table = "";
    /** The key whose value is being read, so a message about the value can tell whether to show it. */
    private String entryKey = "";
    private int line;

    private TomlFile(Path file) {
        this.file = file;
    }

    /** The file's keys and values, in file order; empty when the file does not exist. */
    public static Map<String, Object> read(Path file) {
        TomlFile toml = new TomlFile(file);
        if (!Files.exists(file)) {
            return toml.values;
        }
        try {
            toml.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        return toml.values;
    }

    private void parse(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder pending = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String content = stripComment(lines[i]).strip();
            if (pending != null) {
                pending.append(' ').append(content);
                if (balanced(pending)) {
                    line = start;
                    entry(pending.toString());
                    pending = null;
                }
                continue;
            }
            line = i + 1;
            if (content.isEmpty()) {
                continue;
            }
            if (content.startsWith("[")) {
                header(content);
            } else if (balanced(content)) {
                entry(content);
            } else {
                pending = new StringBuilder(content);
                start = i + 1;
            }
        }
        if (pending != null) {
            line = start;
            throw error("an array that is never closed");
        }
    }

    private void header(String content) {
        if (content.startsWith("[[") || !content.endsWith("]")) {
            throw error("only [table] headers are supported here");
        }
        String name = content.substring(1, content.length() - 1).strip();
        if (!name.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
            throw error("'" + name + "' is not a table name");
        }
        table = name + ".";
    }

    private void entry(String content) {
        int eq = content.indexOf('=');
        if (eq <= 0) {
            throw error("expected key = value");
        }
        String key = content.substring(0, eq).strip();
        if (key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        } else if (!key.matches("[A-Za-z0-9_-]+")) {
            // a pasted URL makes a strange key: postgresql://app:secret@db/shop?sslmode=require
            throw error("'" + Secrets.settingText(key, key) + "' is not a key (dotted keys are not supported"
                    + " here; use a [table])");
        }
        String full = table + key;
        entryKey = full;
        if (values.containsKey(full)) {
            throw error("'" + full + "' is given twice");
        }
        Cursor cursor = new Cursor(content.substring(eq + 1).strip());
        Object value = value(cursor);
        cursor.skipSpaces();
        if (!cursor.atEnd()) {
            throw error("unexpected text after the value of '" + full + "'");
        }
        values.put(full, value);
    }

    private Object value(Cursor c) {
        c.skipSpaces();
        if (c.atEnd()) {
            throw error("a value is missing");
        }
        char first = c.peek();
        if (first == '"') {
            return basicString(c);
        }
        if (first == '\'') {
            return literalString(c);
        }
        if (first == '[') {
            return array(c);
        }
        String word = c.word();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                if (word.matches("[+-]?\\d[\\d_]*")) {
                    yield Long.parseLong(word.replace("_", ""));
                }
                // the word may be a password or a URL with one, written without its quotes
                throw error("'" + Secrets.settingText(entryKey, word) + "' is not a value this file may hold"
                        + " (strings go in quotes)");
            }
        };
    }

    private List<Object> array(Cursor c) {
        c.next();
        List<Object> items = new ArrayList<>();
        c.skipSpaces();
        while (!c.atEnd() && c.peek() != ']') {
            items.add(value(c));
            c.skipSpaces();
            if (!c.atEnd() && c.peek() == ',') {
                c.next();
                c.skipSpaces();
            } else if (c.atEnd() || c.peek() != ']') {
                throw error("expected , or ] in an array");
            }
        }
        if (c.atEnd()) {
            throw error("an array that is never closed");
        }
        c.next();
        return items;
    }

    private String basicString(Cursor c) {
        c.next();
        StringBuilder s = new StringBuilder();
        while (!c.atEnd()) {
            char ch = c.next();
            if (ch == '"') {
                return s.toString();
            }
            if (ch != '\\') {
                s.append(ch);
                continue;
            }
            if (c.atEnd()) {
                break;
            }
            char escaped = c.next();
            switch (escaped) {
                case '"', '\\' -> s.append(escaped);
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case 'r' -> s.append('\r');
                case 'u' -> s.append(unicode(c.take(4)));
                default -> throw error("unknown escape \\" + escaped + " in a string");
            }
        }
        throw error("a string that is never closed");
    }

    private String literalString(Cursor c) {
        c.next();
        StringBuilder s = new StringBuilder();
        while (!c.atEnd()) {
            char ch = c.next();
            if (ch == '\'') {
                return s.toString();
            }
            s.append(ch);
        }
        throw error("a string that is never closed");
    }

    private char unicode(String hex) {
        if (!hex.matches("[0-9A-Fa-f]{4}")) {
            throw error("\\u must be followed by four hex digits");
        }
        return (char) Integer.parseInt(hex, 16);
    }

    /** The line without a {@code #} comment; a {@code #} inside a string stays. */
    private static String stripComment(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote == 0 && ch == '#') {
                return text.substring(0, i);
            }
            if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (quote == '"' && ch == '\\') {
                i++;
            } else if (ch == quote) {
                quote = 0;
            }
        }
        return text;
    }

    /** Whether every {@code [} outside strings is closed, so an array may span lines. */
    private static boolean balanced(CharSequence text) {
        int depth = 0;
        char quote = 0;
        int eq = text.toString().indexOf('=');
        for (int i = Math.max(eq, 0); i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (quote == '"' && ch == '\\') {
                i++;
            } else if (ch == quote) {
                quote = 0;
            } else if (quote == 0 && ch == '[') {
                depth++;
            } else if (quote == 0 && ch == ']') {
                depth--;
            }
        }
        return depth <= 0;
    }

    private ConfigException error(String problem) {
        return new ConfigException(file + ":" + line + ": " + problem);
    }

    /** Reading position in one value's text. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        char peek() {
            return text.charAt(at);
        }

        char next() {
            return text.charAt(at++);
        }

        String take(int n) {
            String s = text.substring(at, Math.min(text.length(), at + n));
            at += s.length();
            return s;
        }

        void skipSpaces() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                at++;
            }
        }

        String word() {
            int start = at;
            while (!atEnd() && peek() != ',' && peek() != ']' && peek() != ' ' && peek() != '\t') {
                at++;
            }
            return text.substring(start, at);
        }
    }
}
