package dev.stepwise.reliability.secrets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What an in-process command wrote beside the streams it was given: to {@code System.out} and
 * {@code System.err} (a library printing on its own) and through {@code java.util.logging}, where
 * pgjdbc logs. Log records are taken at the levels their loggers are set to, so exactly what a
 * user's console would show. Open around one command at a time.
 */
final class JvmOutputTap implements AutoCloseable {

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<String> records = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            String text = format.format(record);
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text += trace;
            }
            synchronized (records) {
                records.add(text);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private JvmOutputTap() {
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        root.addHandler(handler);
    }

    static JvmOutputTap open() {
        return new JvmOutputTap();
    }

    /** Adds what was caught to the exposure. */
    void into(Exposure exposure) {
        exposure.add("System.out", stdout.toString(StandardCharsets.UTF_8));
        exposure.add("System.err", stderr.toString(StandardCharsets.UTF_8));
        synchronized (records) {
            records.forEach(r -> exposure.add("a java.util.logging record", r));
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        System.setOut(out);
        System.setErr(err);
    }
}
