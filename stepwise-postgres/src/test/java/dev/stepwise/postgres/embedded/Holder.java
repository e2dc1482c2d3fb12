package dev.stepwise.postgres.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A {@link HolderProcess} running in a child JVM, and what it reported. */
final class Holder {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path report;
    private final Path output;

    private Holder(Process process, Path report, Path output) {
        this.process = process;
        this.report = report;
        this.output = output;
    }

    /** Starts a holder that keeps the server until {@code release} appears. */
    static Holder holding(Path stateDirectory, Path workDirectory, String name, Path release) throws IOException {
        Path report = workDirectory.resolve(name + ".report");
        Path output = workDirectory.resolve(name + ".out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HolderProcess.class.getName(), stateDirectory.toString(), report.toString(), release.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new Holder(process, report, output);
    }

    /** Waits until the holder has reached the server; returns {@code <port> <postmaster start time>}. */
    String awaitServer() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(report)) {
            if (!process.isAlive()) {
                fail("holder exited with " + process.exitValue() + " before reaching the server:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                fail("holder did not reach the server within " + TIMEOUT + ":\n" + output());
            }
            Thread.sleep(10);
        }
        List<String> fields = List.of(Files.readString(report).split(" "));
        return fields.get(0) + " " + fields.get(1);
    }

    void awaitSuccess() throws Exception {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail("holder still running after " + TIMEOUT + ":\n" + output());
        }
        assertThat(process.exitValue()).as("exit code of holder, whose output was:\n%s", output()).isZero();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }
}
