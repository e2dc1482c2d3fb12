package dev.stepwise.reliability.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real migration files the hostile-input scenario mutates: the shop example's migrations
 * (copied as they are by the module's build) and a handful written for it (PL/pgSQL with nested
 * dollar tags, {@code E''} and {@code U&''} strings, quoted names holding {@code ;}, nested block
 * comments, directives, every header key). Together they form one revision chain, so they can
 * also be one project for the CLI.
 */
final class Corpus {

    private static final String RESOURCE = "/dev/stepwise/reliability/input/corpus";

    /** One file of the corpus: the name it must keep (its revision is in it) and its bytes. */
    record File(String name, byte[] bytes) {

        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {
    }

    /** Every file, in file-name (= revision chain) order. */
    static List<File> files() {
        URL directory = Corpus.class.getResource(RESOURCE);
        if (directory == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test class path");
        }
        try (Stream<Path> paths = Files.list(Path.of(directory.toURI()))) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .map(p -> new File(p.getFileName().toString(), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
