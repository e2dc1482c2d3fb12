package dev.stepwise.bench.status;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmark's own class path, whole or cut down, for the JVMs it starts. */
public record Classpath(List<String> entries) {

    public Classpath {
        entries = List.copyOf(entries);
    }

    public static Classpath ofThisJvm() {
        return new Classpath(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
    }

    /** Just the jars or directories the given classes come from, e.g. a floor's own class and the JDBC driver. */
    public static Classpath of(Class<?>... classes) {
        return new Classpath(Arrays.stream(classes).map(Classpath::locationOf).distinct().toList());
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class path location of " + type.getName() + " is not a path", e);
        }
    }

    @Override
    public String toString() {
        return String.join(File.pathSeparator, entries);
    }
}
