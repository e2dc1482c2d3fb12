package dev.stepwise.reliability.secrets;

import dev.stepwise.Stepwise;
import dev.stepwise.reliability.secrets.PasswordSource.Given;
import dev.stepwise.reliability.secrets.SourceBench.Outcome;
import dev.stepwise.run.RunListener;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One call of the Java API as an application embedding Stepwise makes it: the source's URL, user
 * and password handed to the builder (or only the project directory, whose {@code stepwise.toml}
 * holds them). What it leaves: the result, or the exception with every cause, as the
 * application's logger would print it; the listener's notices; anything written to the JVM's
 * streams or logs.
 */
final class ApiCall {

    private ApiCall() {
    }

    /** Runs the call; its "exit" is 0 when it returns, 1 when it throws. */
    static Outcome run(Path project, Given given, Function<Stepwise, Object> call, Exposure exposure) {
        List<String> notices = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };
        Stepwise.Builder builder = Stepwise.configure().projectDirectory(project).listener(listener);
        List<String> args = given.args();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--url" -> builder.url(args.get(i + 1));
                case "--user" -> builder.user(args.get(i + 1));
                case "--password" -> builder.password(args.get(i + 1));
                default -> throw new IllegalArgumentException(args.get(i));
            }
        }
        int exit = 0;
        String shown;
        try (JvmOutputTap tap = JvmOutputTap.open()) {
            try (Stepwise stepwise = builder.build()) {
                shown = String.valueOf(call.apply(stepwise));
                exposure.add("the API's result", shown);
            } catch (RuntimeException e) {
                exit = 1;
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                shown = trace.toString();
                exposure.add("the exception's stack trace (messages of every cause included)", shown);
            }
            tap.close();
            tap.into(exposure);
        }
        notices.forEach(n -> exposure.add("a listener notice", n));
        return new Outcome(exit, exposure, shown);
    }
}
