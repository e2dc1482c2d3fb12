package dev.stepwise.sql;

import org.junit.jupiter.api.Test;

import java.io.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/** The splitter reads its input as a stream: a large data migration is never held in memory. */
class StatementSplitterStreamingTest {

    private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

    /** INSERT statements made up as they are read, so the script never exists as one string. */
    static final class GeneratedInserts extends Reader {

        private final long size;
        private long produced;
        private long rows;
        private String line = "";
        private int offset;

        GeneratedInserts(long size) {
            this.size = size;
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (offset == line.length()) {
                if (produced >= size) {
                    return -1;
                }
                rows++;
                line = "INSERT INTO t (id, note) VALUES (" + rows + ", 'row " + rows + "; with a semicolon');\r\n";
                offset = 0;
            }
            int count = Math.min(len, line.length() - offset);
            line.getChars(offset, offset + count, buffer, off);
            offset += count;
            produced += count;
            return count;
        }

        long produced() {
            return produced;
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void fiftyMegabyteScript_splitsStatementByStatement() {
        GeneratedInserts input = new GeneratedInserts(FIFTY_MEGABYTES);
        StatementSplitter splitter = new StatementSplitter(input, text -> false);

        ScriptItem.Statement first = (ScriptItem.Statement) splitter.next();
        long readForFirst = input.produced();
        long count = 1;
        ScriptItem.Statement last = first;
        while (splitter.hasNext()) {
            last = (ScriptItem.Statement) splitter.next();
            count++;
        }

        assertThat(first.sql()).isEqualTo("INSERT INTO t (id, note) VALUES (1, 'row 1; with a semicolon')");
        assertThat(readForFirst).as("characters read before the first statement came out").isLessThan(64 * 1024);
        assertThat(input.produced()).isGreaterThanOrEqualTo(FIFTY_MEGABYTES);
        assertThat(count).isEqualTo(input.rows());
        assertThat(last.line()).isEqualTo(input.rows());
        assertThat(last.tokens()).contains("'row " + input.rows() + "; with a semicolon'");
    }
}
