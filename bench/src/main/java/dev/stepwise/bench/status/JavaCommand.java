package dev.stepwise.bench.status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for fresh JVMs, all with the same JVM options (the launcher's, so each tool gets
 * the short-lived-process tuning {@code ./stepwise} gives Stepwise) and the same quiet logging.
 */
public record JavaCommand(List<String> jvmOptions) {

    private static final List<String> QUIET = List.of(
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dliquibase.analytics.enabled=false",
            "-Dliquibase.showBanner=false",
            "-Dliquibase.showSummaryOutput=log");

    public JavaCommand {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <options> -jar <jar> <args>}. */
    public List<String> jar(Path jar, List<String> args) {
        List<String> command = start();
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /** {@code java <options> -cp <classpath> <main> <args>}. */
    public List<String> main(String classpath, Class<?> main, List<String> args) {
        List<String> command = start();
        command.add("-cp");
        command.add(classpath);
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    private List<String> start() {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(QUIET);
        return command;
    }
}
