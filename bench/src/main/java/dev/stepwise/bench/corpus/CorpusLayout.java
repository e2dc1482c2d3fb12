package dev.stepwise.bench.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a corpus in one tool's format into a directory of its own. */
public interface CorpusLayout {

    /**
     * Writes every migration under {@code directory} (created if missing) and returns what the
     * tool is pointed at: its migrations directory or its changelog file.
     */
    Path write(Corpus corpus, Path directory) throws IOException;
}
