package dev.stepwise.bench.corpus;

import dev.stepwise.source.Migration;
import dev.stepwise.source.MigrationCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusFilesTest {

    @TempDir
    Path work;

    @Test
    void stepwiseFiles_parseAsOneChainInOrder() throws IOException {
        CorpusFiles files = CorpusFiles.write(new Corpus(30), work);

        List<Migration> migrations = MigrationCatalog.load(files.stepwiseMigrations()).migrations();

        assertThat(migrations).hasSize(30);
        Map<String, Migration> byRevision = migrations.stream().collect(Collectors.toMap(Migration::revision, m -> m));
        String parent = null;
        for (MigrationSpec spec : files.corpus().migrations()) {
            Migration m = byRevision.get(spec.revision());
            assertThat(m.header().downRevisions()).containsExactlyElementsOf(parent == null ? List.of() : List.of(parent));
            assertThat(m.hasDown()).isTrue();
            parent = spec.revision();
        }
    }

    @Test
    void revisions_areDistinctTwelveHexDigits() {
        List<String> revisions = new Corpus(1000).migrations().stream().map(MigrationSpec::revision).toList();

        assertThat(revisions).doesNotHaveDuplicates().allMatch(r -> r.matches("[0-9a-f]{12}"));
    }

    @Test
    void flywayFiles_areVersionedOneStatementPerLine() throws IOException {
        CorpusFiles files = CorpusFiles.write(new Corpus(12), work);

        assertThat(files.flywayMigrations().resolve("V12__create_item_0012.sql")).hasContent("""
                CREATE TABLE item_0012 (id bigint PRIMARY KEY, name text NOT NULL);
                ALTER TABLE item_0012 ADD COLUMN note text;
                CREATE INDEX item_0012_name_idx ON item_0012 (name);
                INSERT INTO item_0012 (id, name) VALUES (1, 'first');
                INSERT INTO item_0012 (id, name) VALUES (2, 'second');
                INSERT INTO item_0012 (id, name, note) VALUES (3, 'third', 'with a note');""");
    }

    @Test
    void liquibaseChangelog_includesEveryFormattedSqlFileInOrder() throws IOException {
        CorpusFiles files = CorpusFiles.write(new Corpus(3), work);
        Path dir = files.liquibaseChangelogDirectory();

        String master = Files.readString(dir.resolve(LiquibaseLayout.MASTER));
        assertThat(master).containsSubsequence("sql/0001_create_item_0001.sql", "sql/0002_create_item_0002.sql",
                "sql/0003_create_item_0003.sql");
        assertThat(dir.resolve("sql/0002_create_item_0002.sql")).content()
                .startsWith("--liquibase formatted sql\n\n--changeset bench:0002\nCREATE TABLE item_0002")
                .endsWith("--rollback DROP TABLE item_0002;\n");
    }

    @Test
    void writingAgain_replacesTheEarlierCorpus() throws IOException {
        CorpusFiles.write(new Corpus(5), work);
        CorpusFiles files = CorpusFiles.write(new Corpus(5), work);

        try (Stream<Path> sql = Files.list(files.flywayMigrations())) {
            assertThat(sql).hasSize(5);
        }
    }
}
