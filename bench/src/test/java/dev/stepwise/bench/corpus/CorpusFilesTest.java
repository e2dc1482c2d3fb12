package dev.stepwise.bench.corpus;

import dev.stepwise.Stepwise;
import dev.stepwise.command.LintCommand;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void alteringCorpus_changesTheTableOfTheMigrationBefore_theSafeWay() throws IOException {
        Path project = CorpusFiles.writeStepwise(new Corpus(3, Corpus.Kind.ALTERS_EARLIER), work);

        assertThat(project).isEqualTo(work.resolve("corpus-3-alter").resolve("stepwise"));
        List<Migration> migrations = MigrationCatalog.load(project.resolve("migrations")).migrations();
        assertThat(migrations).hasSize(3);
        try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
            Path second = files.filter(f -> f.getFileName().toString().contains("create_item_0002")).findFirst().orElseThrow();
            assertThat(second.getFileName().toString()).endsWith("_create_item_0002_and_alter_item_0001.sql");
            assertThat(second).content().contains("""
                    INSERT INTO item_0002 (id, name, note) VALUES (3, 'third', 'with a note');
                    ALTER TABLE item_0001 ADD COLUMN extra varchar(100);
                    CREATE INDEX CONCURRENTLY item_0001_note_idx ON item_0001 (note);
                    -- stepwise:batch size=1000
                    UPDATE item_0001 SET extra = name WHERE extra IS NULL;

                    -- +down
                    DROP INDEX CONCURRENTLY item_0001_note_idx;
                    ALTER TABLE item_0001 DROP COLUMN extra;
                    DROP TABLE item_0002;
                    """);
        }
    }

    @Test
    void alteringCorpus_firstMigrationHasNothingBeforeItToAlter() {
        List<MigrationSpec> specs = new Corpus(2, Corpus.Kind.ALTERS_EARLIER).migrations();

        assertThat(specs.get(0)).isEqualTo(new Corpus(2).migrations().get(0));
        assertThat(specs.get(1).up()).hasSize(9);
        assertThat(specs.get(1).down()).hasSize(3);
    }

    @Test
    void alteringCorpus_fromTheThirdMigration_widensTheColumnTheOneBeforeAdded() {
        List<MigrationSpec> specs = new Corpus(3, Corpus.Kind.ALTERS_EARLIER).migrations();

        assertThat(specs.get(2).up()).hasSize(10).last().isEqualTo("ALTER TABLE item_0001 ALTER COLUMN extra TYPE text");
        assertThat(specs.get(2).down()).hasSize(3);
    }

    @Test
    void bothCorpora_lintWithoutErrorsOrWarnings_soUpgradeAppliesThemAsTheyAre() throws IOException {
        for (Corpus corpus : List.of(new Corpus(4), new Corpus(4, Corpus.Kind.ALTERS_EARLIER))) {
            Path project = CorpusFiles.writeStepwise(corpus, work);
            try (Stepwise stepwise = Stepwise.configure().projectDirectory(project).build()) {
                LintCommand.Report report = stepwise.lint(LintCommand.Request.PROJECT);

                assertThat(report.migrations()).hasSize(4);
                assertThat(report.hasErrors()).as(corpus.toString()).isFalse();
                assertThat(report.count(dev.stepwise.lint.Severity.WARNING)).as(corpus.toString()).isZero();
                // offline, the widening's type before is unknown: a warning, never an error
                assertThat(stepwise.lint(new LintCommand.Request(List.of(), true)).hasErrors()).isFalse();
            }
        }
    }

    @Test
    void applicationHistory_createsATableEveryFiveMigrations_andChangesItInTheFourAfter() throws IOException {
        Path project = CorpusFiles.writeStepwise(new Corpus(20, Corpus.Kind.APPLICATION), work);

        assertThat(project).isEqualTo(work.resolve("corpus-20-application").resolve("stepwise"));
        List<Migration> migrations = MigrationCatalog.load(project.resolve("migrations")).migrations();
        assertThat(migrations).hasSize(20).allMatch(Migration::hasDown);
        List<String> messages = new Corpus(20, Corpus.Kind.APPLICATION).migrations().stream()
                .map(MigrationSpec::message).toList();
        assertThat(messages.subList(5, 10)).containsExactly("create item_0002", "add note and status to item_0002",
                "index item_0002 name", "check item_0002 name not empty", "state of item_0002");
        assertThat(messages).contains("unique item_0001 name", "view of recent item_0003", "owner of item_0004");
        assertThat(Corpus.applicationTables(20)).isEqualTo(4);
        assertThat(Corpus.applicationTables(21)).isEqualTo(5);
    }

    @Test
    void applicationHistory_downsUndoTheirUpsInReverseOrder() {
        MigrationSpec state = new Corpus(10, Corpus.Kind.APPLICATION).migrations().get(9);

        assertThat(state.up()).containsExactly("CREATE TYPE item_0002_state AS ENUM ('new', 'active', 'closed')",
                "ALTER TABLE item_0002 ADD COLUMN state item_0002_state");
        assertThat(state.down()).containsExactly("ALTER TABLE item_0002 DROP COLUMN state", "DROP TYPE item_0002_state");
    }

    @Test
    void applicationHistory_lintsWithoutErrors_soUpgradeAppliesItAsItIs() throws IOException {
        Path project = CorpusFiles.writeStepwise(new Corpus(20, Corpus.Kind.APPLICATION), work);
        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project).build()) {
            LintCommand.Report report = stepwise.lint(LintCommand.Request.PROJECT);

            assertThat(report.migrations()).hasSize(20);
            assertThat(report.hasErrors()).isFalse();
        }
    }

    @Test
    void onlyTheCorpusOfNewTables_isWrittenForEveryTool() {
        assertThatThrownBy(() -> CorpusFiles.write(new Corpus(3, Corpus.Kind.ALTERS_EARLIER), work))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writeStepwise");
    }
}
