package dev.stepwise.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a Liquibase user who writes SQL keeps: one "formatted SQL" changelog per change
 * ({@code --liquibase formatted sql}, a {@code --changeset author:id} and its {@code --rollback}),
 * and a master {@code changelog.xml} that includes them one by one in order (Liquibase's advice
 * over {@code includeAll}, whose order depends on file names).
 */
public final class LiquibaseLayout implements CorpusLayout {

    public static final String MASTER = "changelog.xml";

    /** Returns the directory holding {@link #MASTER}; the changesets are in {@code sql/}. */
    @Override
    public Path write(Corpus corpus, Path directory) throws IOException {
        Path sql = Files.createDirectories(directory.resolve("sql"));
        StringBuilder master = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog
                        xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                            http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                """);
        for (MigrationSpec m : corpus.migrations()) {
            String name = m.paddedNumber() + "_" + m.slug() + ".sql";
            Files.writeString(sql.resolve(name), changeset(m));
            master.append("    <include file=\"sql/").append(name).append("\" relativeToChangelogFile=\"true\"/>\n");
        }
        master.append("</databaseChangeLog>\n");
        Files.writeString(directory.resolve(MASTER), master.toString());
        return directory;
    }

    static String changeset(MigrationSpec m) {
        StringBuilder b = new StringBuilder("--liquibase formatted sql\n\n")
                .append("--changeset bench:").append(m.paddedNumber()).append('\n');
        m.up().forEach(s -> b.append(s).append(";\n"));
        m.down().forEach(s -> b.append("--rollback ").append(s).append(";\n"));
        return b.toString();
    }
}
