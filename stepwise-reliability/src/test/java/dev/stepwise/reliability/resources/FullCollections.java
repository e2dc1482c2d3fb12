package dev.stepwise.reliability.resources;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A test-only Java agent for the child JVMs of {@link ResourceBoundsTest}: after every young
 * collection it asks for a full one, so the GC log has a figure of the whole live set every time
 * the young generation fills. A young collection's "after" still holds whatever garbage was
 * promoted since the last full collection; only a full collection's is the live set.
 *
 * <p>It is started by {@code -javaagent:} pointing at a jar that holds nothing but a manifest
 * naming this class: the class itself comes from the test class path the child runs with.
 */
public final class FullCollections {

    private FullCollections() {
    }

    /** The agent's entry point; {@code args} is unused. */
    public static void premain(String args, Instrumentation instrumentation) {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            // Serial's young collector is "Copy", its full one "MarkSweepCompact"
            if (!collector.getName().equals("Copy")) {
                continue;
            }
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                if (info.getGcAction().equals("end of minor GC")) {
                    // on the JVM's notification thread, not the thread that allocated
                    System.gc();
                }
            }, null, null);
        }
    }

    /** Writes the agent's jar (a manifest only) into {@code dir}; returns the {@code -javaagent:} option. */
    static String option(Path dir) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), FullCollections.class.getName());
        try {
            Path jar = Files.createDirectories(dir).resolve("full-collections-agent.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.flush();
            }
            return "-javaagent:" + jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
