package dev.stepwise.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.stepwise.Stepwise;
import dev.stepwise.compat.Verdict;
import dev.stepwise.config.ConfigLoader;
import dev.stepwise.config.ConfigOverrides;
import dev.stepwise.config.Secrets;
import dev.stepwise.config.StepwiseConfig;
import dev.stepwise.lint.Severity;
import dev.stepwise.run.RunListener;
import dev.stepwise.source.Direction;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a subcommand works with: the API object built from the global options, the environment
 * and {@code stepwise.toml}, and the two output streams (results on stdout, progress on stderr,
 * so {@code --sql} and {@code --format json} output can be piped).
 */
final class Session {


    final GlobalSettings settings;

    Session(GlobalSettings settings) {
        this.settings = settings;
    }

    static Session of(picocli.CommandLine.Model.CommandSpec spec) {
        return new Session(((Main) spec.root().userObject()).settings);
    }

    StepwiseConfig config() {
        return new ConfigLoader(settings.environment).load(settings.directory,
                new ConfigOverrides(settings.url, settings.user, settings.password, settings.schema, null, settings.configFlags));
    }

    Stepwise open() {
        return Stepwise.configure().config(config()).listener(new ProgressLines()).build();
    }

    boolean json() {
        return settings.format == GlobalSettings.Format.JSON;
    }

    /** Prints a line of results, scrubbed of the password. */
    void println(String line) {
        settings.out.println(Secrets.scrub(line, settings.knownPassword()));
    }

    void printJson(Object value) {
        try {
            println(Json.MAPPER.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not render JSON output", e);
        }
    }

    void note(String line) {
        settings.err.println(Secrets.scrub(line, settings.knownPassword()));
    }

    /** Made on first use only: Jackson takes tens of milliseconds to start, and most runs print text. */
    private static final class Json {
        // durations as ISO-8601 text (PT0.26S), which every JSON consumer's date library reads;
        // severities as lint's JSON writes them (error, warning, info), in every command's output, and
        // compat verdicts as its text does (ok, warning, failure, already failing, not judged)
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(new SimpleModule()
                        .addSerializer(Duration.class, new ToStringSerializer())
                        .addSerializer(Severity.class, asWord(Severity.class, Severity::word))
                        .addSerializer(Verdict.class, asWord(Verdict.class, Verdict::word)));

        /** An enum written as the word its text output uses. */
        private static <T> StdSerializer<T> asWord(Class<T> type, Function<T, String> word) {
            return new StdSerializer<>(type) {
                @Override
                public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
                    json.writeString(word.apply(value));
                }
            };
        }
    }

    static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    /** Progress of a run, one line per event, on stderr. */
    private final class ProgressLines implements RunListener {
        @Override
        public void notice(String message) {
            note(message);
        }

        @Override
        public void migrationStarted(String revision, Direction direction, String other, String message) {
            String base = other.isEmpty() ? "<base>" : other;
            String arrow = direction == Direction.UP ? base + " -> " + revision : revision + " -> " + base;
            note("Running " + direction.keyword() + "grade " + arrow + (message.isEmpty() ? "" : ", " + message));
        }

        @Override
        public void stepCompleted(String revision, int step, int stepsTotal, String description, Duration took) {
            note("  step " + step + "/" + stepsTotal + " done in " + millis(took) + ": " + description);
        }

        @Override
        public void lockRetry(dev.stepwise.run.LockRetry retry) {
            note("  " + retry.describe());
        }

        private BatchProgressView batches;

        @Override
        public void batchProgress(dev.stepwise.backfill.BatchProgress progress) {
            if (batches == null) {
                // a bar only where someone watches: a terminal, and stderr not redirected to a file
                boolean terminal = System.console() != null && System.getenv("CI") == null;
                batches = new BatchProgressView(terminal, settings.err, java.time.Instant::now);
            }
            batches.show(progress);
        }
    }
}
