package dev.stepwise.sql;

import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads SQL text one character at a time with lookahead, tracking line and column.
 *
 * <p>It normalises CRLF and lone CR to LF and drops a leading UTF-8 byte order mark as it reads,
 * so every later stage (tokens, statement text, positions) sees one form of the file whatever
 * editor wrote it. Only a small window of the input is buffered: a 50 MB file is never held whole.
 */
final class SourceCursor {

    static final int END = -1;

    private final Reader reader;
    /** Always true outside the reliability suite, which turns it off to show it would notice. */
    private final boolean normalisesLineEndings = Faults.kept(Guarantee.LINE_ENDINGS);
    private char[] window = new char[8192];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean firstCharSeen;
    /** A CR was turned into LF at the end of the last read; an LF right after it is its pair. */
    private boolean afterCarriageReturn;

    private int line = 1;
    private int column = 1;
    private boolean lineBlankSoFar = true;

    SourceCursor(Reader reader) {
        this.reader = reader;
    }

    /** The next character without consuming it, or {@link #END}. */
    int peek() {
        return peek(0);
    }

    /** The character {@code ahead} positions after the next one, or {@link #END}. */
    int peek(int ahead) {
        while (limit - position <= ahead && !endOfInput) {
            fill();
        }
        return position + ahead < limit ? window[position + ahead] : END;
    }

    /** Whether the input continues with exactly {@code text}. */
    boolean startsWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (peek(i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Consumes and returns the next character, or {@link #END}. */
    int read() {
        int c = peek();
        if (c == END) {
            return END;
        }
        position++;
        if (c == '\n') {
            line++;
            column = 1;
            lineBlankSoFar = true;
        } else {
            // columns count code points, so a character outside the BMP moves one column
            if (!Character.isLowSurrogate((char) c)) {
                column++;
            }
            if (c != ' ' && c != '\t' && c != '\f') {
                lineBlankSoFar = false;
            }
        }
        return c;
    }

    /** 1-based line of the next character. */
    int line() {
        return line;
    }

    /** 1-based column of the next character. */
    int column() {
        return column;
    }

    /** Whether only blanks precede the next character on its line. */
    boolean lineBlankSoFar() {
        return lineBlankSoFar;
    }

    private void fill() {
        if (position > 0) {
            System.arraycopy(window, position, window, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == window.length) {
            window = Arrays.copyOf(window, window.length * 2);
        }
        int count;
        try {
            count = reader.read(window, limit, window.length - limit);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the SQL script", e);
        }
        if (count < 0) {
            endOfInput = true;
            return;
        }
        if (!normalisesLineEndings) {
            limit += count;
            return;
        }
        int write = limit;
        for (int i = limit; i < limit + count; i++) {
            char c = window[i];
            if (!firstCharSeen) {
                firstCharSeen = true;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\r') {
                afterCarriageReturn = true;
                c = '\n';
            }
            window[write++] = c;
        }
        limit = write;
    }
}
