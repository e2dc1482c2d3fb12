package dev.stepwise.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a file's first invalid UTF-8 sequence is, as a line and column counted the way the
 * statement splitter counts them (LF, CRLF and a lone CR each end a line; columns are code
 * points; a leading BOM takes none), so the error can name the line to fix. The reader that met
 * the bad bytes decodes ahead of the statement being split and cannot tell where they were; this
 * second pass is made only for the error, streaming, so a large file is never held whole.
 */
final class InvalidUtf8 {

    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    private int line = 1;
    private int column = 1;
    private boolean afterCarriageReturn;
    private boolean first = true;

    private InvalidUtf8() {
    }

    /** The position of the first byte that is not valid UTF-8, or empty when there is none. */
    static Optional<Position> find(InputStream in) throws IOException {
        return new InvalidUtf8().scan(in);
    }

    private Optional<Position> scan(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        boolean endOfInput = false;
        while (true) {
            if (!endOfInput && bytes.hasRemaining()) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            chars.flip();
            count(chars);
            chars.clear();
            if (result.isError()) {
                return Optional.of(new Position(line, column));
            }
            bytes.compact();
            if (endOfInput && result.isUnderflow()) {
                return Optional.empty();
            }
        }
    }

    private void count(CharBuffer chars) {
        while (chars.hasRemaining()) {
            char c = chars.get();
            boolean bom = first && c == '\uFEFF';
            first = false;
            if (c == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false;
            } else if (c == '\n' || c == '\r') {
                line++;
                column = 1;
                afterCarriageReturn = c == '\r';
            } else {
                afterCarriageReturn = false;
                if (!bom && !Character.isLowSurrogate(c)) {
                    column++;
                }
            }
        }
    }
}
