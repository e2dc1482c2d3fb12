package dev.stepwise.reliability.input;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Byte-level surgery on a migration file, and its lines counted the way Stepwise counts them
 * (LF, CRLF and a lone CR each end one line), so the oracle can tell whether a line number it is
 * given exists in the file.
 */
final class FileBytes {

    private FileBytes() {
    }

    static byte[] insert(byte[] bytes, int at, byte[] piece) {
        byte[] out = new byte[bytes.length + piece.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(bytes, at, out, at + piece.length, bytes.length - at);
        return out;
    }

    static byte[] remove(byte[] bytes, int from, int to) {
        byte[] out = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(bytes, to, out, from, bytes.length - to);
        return out;
    }

    static byte[] truncate(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /** The offset {@code fraction} (0 to 1) of the way through {@code length} bytes. */
    static int at(double fraction, int length) {
        return (int) Math.min(length, Math.floor(fraction * length));
    }

    /** Offsets of every occurrence of {@code b}. */
    static List<Integer> offsetsOf(byte[] bytes, byte b) {
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                offsets.add(i);
            }
        }
        return offsets;
    }

    /** Offsets where a line starts: 0 and after every line end. */
    static List<Integer> lineStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    /** How many lines the file has: one more than its line ends (an empty file has line 1). */
    static int lineCount(byte[] bytes) {
        return lineStarts(bytes).size();
    }

    /** The 1-based line the byte at {@code offset} is on. */
    static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int start : lineStarts(bytes)) {
            if (start > 0 && start <= offset) {
                line++;
            }
        }
        return line;
    }

    /** Every line end (LF, CRLF, CR) written as {@code ending.next(previousByte)} gives. */
    static byte[] withLineEndings(byte[] bytes, LineEnding ending) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 16);
        int last = -1;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                byte[] end = ending.next(last == '\r');
                out.writeBytes(end);
                last = end[end.length - 1];
            } else {
                out.write(b);
                last = b;
            }
        }
        return out.toByteArray();
    }

    /** Chooses the bytes of each line end. */
    interface LineEnding {
        /**
         * @param afterLoneCr the previous line ended with a lone CR right before this one, so
         *                    this one must not start with LF (CR then LF would be one line end)
         */
        byte[] next(boolean afterLoneCr);
    }

    /** The first bytes as hex, for a failure message. */
    static String hex(byte[] bytes) {
        String shown = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 16));
        return bytes.length > 16 ? shown + " ..." : shown;
    }
}
