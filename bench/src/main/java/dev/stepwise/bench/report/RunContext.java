package dev.stepwise.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Where and when figures were measured, written above every result table: figures from another
 * machine or server setting are not comparable.
 */
public record RunContext(Instant date, String cpu, int cores, String memory, String os, String javaRuntime,
                         String postgres, String serverSettings) {

    public static RunContext here(String postgresVersion, String serverSettings) {
        return new RunContext(Instant.now().truncatedTo(ChronoUnit.SECONDS), readCpuModel(),
                Runtime.getRuntime().availableProcessors(), readMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                postgresVersion, serverSettings);
    }

    public String markdown() {
        return "- date: " + date + "\n"
                + "- machine: " + cpu + ", " + cores + " cores, " + memory + " memory; " + os + "\n"
                + "- Java: " + javaRuntime + "\n"
                + "- PostgreSQL: " + postgres + " (" + serverSettings + "), on this machine over TCP to localhost\n";
    }

    private static String readCpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    private static String readMemory() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> Math.round(Long.parseLong(kb.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB")
                .orElse("unknown");
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
