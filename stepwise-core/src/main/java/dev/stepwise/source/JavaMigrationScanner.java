package dev.stepwise.source;

import dev.stepwise.JavaMigration;
import dev.stepwise.StepwiseMigration;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds Java-coded migrations on a class path, without any library: the classes listed as
 * {@code META-INF/services/dev.stepwise.JavaMigration} providers, and every class annotated
 * with {@link StepwiseMigration} in the given packages and their sub-packages, in directories
 * and in jars alike.
 *
 * <p>In a scanned package, classes without the annotation are skipped (helpers live there too),
 * except concrete {@link JavaMigration}s: a migration that forgot its annotation is an error,
 * not a silently missing revision. Classes are loaded without being initialised.
 *
 * <p>Packages are found with {@link ClassLoader#getResources(String)}, which sees a package in
 * a jar only through its directory entry; the {@code jar} tool, Maven and Gradle write those,
 * but a jar built without them needs the {@code META-INF/services} list instead.
 */
public final class JavaMigrationScanner {

    private final ClassLoader loader;

    public JavaMigrationScanner(ClassLoader loader) {
        this.loader = loader;
    }

    /** The migrations found, each class once, service providers first, then by class name. */
    public List<JavaCodedMigration> scan(Collection<String> packages) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        try {
            ServiceLoader.load(JavaMigration.class, loader).stream()
                    .forEach(provider -> types.putIfAbsent(provider.type().getName(), provider.type()));
        } catch (ServiceConfigurationError e) {
            throw new JavaMigrationException("listed in META-INF/services/" + JavaMigration.class.getName(),
                    e.getMessage(), e);
        }
        for (String packageName : packages) {
            for (String className : classNames(packageName)) {
                Class<?> type = load(className);
                if (isMigrationCandidate(type)) {
                    types.putIfAbsent(className, type);
                }
            }
        }
        List<JavaCodedMigration> migrations = new ArrayList<>();
        types.values().forEach(type -> migrations.add(JavaCodedMigration.of(type)));
        return migrations;
    }

    private static boolean isMigrationCandidate(Class<?> type) {
        if (type.isAnnotationPresent(StepwiseMigration.class)) {
            return true;
        }
        return JavaMigration.class.isAssignableFrom(type) && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers())
                && !type.isAnonymousClass() && !type.isLocalClass();
    }

    /** Class names in a package and its sub-packages, over every class path root. */
    private TreeSet<String> classNames(String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                switch (root.getProtocol()) {
                    case "file" -> fromDirectory(Path.of(root.toURI()), packageName, names);
                    case "jar" -> fromJar(root, path, names);
                    default -> throw new JavaMigrationException(packageName,
                            "cannot scan " + root + ": only directories and jars are supported;"
                                    + " list the classes in META-INF/services/" + JavaMigration.class.getName());
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new JavaMigrationException(packageName, "cannot scan the package: " + e.getMessage(), e);
        }
        return names;
    }

    private static void fromDirectory(Path directory, String packageName, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(f -> isClassFile(f.getFileName().toString()))
                    .forEach(f -> {
                        String separator = f.getFileSystem().getSeparator();
                        String relative = directory.relativize(f).toString().replace(separator, ".");
                        names.add(packageName + "." + relative.substring(0, relative.length() - ".class".length()));
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void fromJar(URL root, String path, TreeSet<String> names) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        // A cached JarFile is shared with the class loader; closing it would break class loading.
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(path + "/") && isClassFile(name.substring(name.lastIndexOf('/') + 1))) {
                    names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }

    private static boolean isClassFile(String fileName) {
        return fileName.endsWith(".class") && !fileName.equals("module-info.class")
                && !fileName.equals("package-info.class");
    }

    private Class<?> load(String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new JavaMigrationException(className, "cannot be loaded: " + e, e);
        }
    }
}
