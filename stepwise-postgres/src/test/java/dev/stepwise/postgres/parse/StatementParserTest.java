package dev.stepwise.postgres.parse;

import dev.stepwise.postgres.parse.ParsedStatement.AddColumn;
import dev.stepwise.postgres.parse.ParsedStatement.AddConstraint;
import dev.stepwise.postgres.parse.ParsedStatement.AlterColumnType;
import dev.stepwise.postgres.parse.ParsedStatement.AlterTable;
import dev.stepwise.postgres.parse.ParsedStatement.TableConstraint;
import dev.stepwise.sql.StatementSplitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementParserTest {

    private static ParsedStatement parse(String sql) {
        return StatementParser.parse(StatementSplitter.statements(sql).get(0).tokens());
    }

    @Test
    void createIndex_knowsItsTableNameAndWhetherConcurrent() {
        assertThat(parse("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON ONLY app.users USING btree (email)"))
                .isEqualTo(new ParsedStatement.CreateIndex("ix", new dev.stepwise.postgres.statement.QualifiedName("app",
                        "users"), true, true, true, 0));
        assertThat(parse("CREATE INDEX ON users (email)")).isInstanceOfSatisfying(ParsedStatement.CreateIndex.class,
                c -> {
                    assertThat(c.name()).isNull();
                    assertThat(c.concurrently()).isFalse();
                    assertThat(c.table().name()).isEqualTo("users");
                });
    }

    @Test
    void alterTable_splitsItsSubcommands() {
        AlterTable alter = (AlterTable) parse("ALTER TABLE users ADD COLUMN email varchar(255) NOT NULL DEFAULT 'x',"
                + " ALTER COLUMN id TYPE bigint USING id::bigint, DROP COLUMN legacy, RENAME COLUMN a TO b");

        assertThat(alter.table().name()).isEqualTo("users");
        assertThat(alter.actions()).hasSize(4);
        AddColumn add = (AddColumn) alter.actions().get(0);
        assertThat(add.column().name()).isEqualTo("email");
        assertThat(add.column().type()).isEqualTo(new PgType("character varying", java.util.List.of(255), 0));
        assertThat(add.column().notNull()).isTrue();
        assertThat(add.column().defaultValue()).containsExactly("'x'");
        AlterColumnType type = (AlterColumnType) alter.actions().get(1);
        assertThat(type.type().name()).isEqualTo("bigint");
        assertThat(type.using()).containsExactly("id", "::", "bigint");
        assertThat(alter.actions().get(2)).isEqualTo(new ParsedStatement.DropColumn("legacy", alter.actions().get(2).at()));
        assertThat(alter.actions().get(3)).isInstanceOf(ParsedStatement.RenameColumn.class);
    }

    @Test
    void addConstraint_readsForeignKeysChecksAndNotValid() {
        AlterTable fk = (AlterTable) parse("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id)"
                + " REFERENCES users (id) ON DELETE CASCADE NOT VALID");
        AddConstraint c = (AddConstraint) fk.actions().get(0);
        assertThat(c.notValid()).isTrue();
        assertThat(c.constraint().kind()).isEqualTo(TableConstraint.Kind.FOREIGN_KEY);
        assertThat(c.constraint().references().table().name()).isEqualTo("users");
        assertThat(c.constraint().columns()).containsExactly("user_id");

        AddConstraint pk = (AddConstraint) ((AlterTable) parse("ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY"
                + " USING INDEX t_id_idx")).actions().get(0);
        assertThat(pk.constraint().usingIndex()).isEqualTo("t_id_idx");
    }

    @Test
    void columnDefinitions_knowIdentityGeneratedSerialAndVolatileLookingDefaults() {
        AlterTable alter = (AlterTable) parse("ALTER TABLE t ADD COLUMN a bigint GENERATED ALWAYS AS IDENTITY,"
                + " ADD COLUMN b numeric GENERATED ALWAYS AS (x * 2) STORED, ADD COLUMN c bigserial,"
                + " ADD COLUMN d uuid DEFAULT gen_random_uuid()");
        assertThat(((AddColumn) alter.actions().get(0)).column().identity()).isEqualTo("ALWAYS");
        assertThat(((AddColumn) alter.actions().get(1)).column().generatedStored()).containsExactly("x", "*", "2");
        assertThat(((AddColumn) alter.actions().get(2)).column().type().isSerial()).isTrue();
        assertThat(((AddColumn) alter.actions().get(3)).column().defaultValue()).containsExactly("gen_random_uuid", "(", ")");
    }

    @Test
    void types_compareWhateverTheirSpelling() {
        assertThat(PgType.ofFormatted("character varying(255)")).isEqualTo(PgType.parse(java.util.List.of("varchar", "(", "255", ")")));
        assertThat(PgType.ofFormatted("timestamp(3) with time zone").toString()).isEqualTo("timestamp(3) with time zone");
        assertThat(PgType.ofFormatted("integer[]")).isEqualTo(PgType.parse(java.util.List.of("int4", "[", "]")));
    }

    @Test
    void anythingElse_isOther_andNeverFails() {
        assertThat(parse("SELECT 1")).isInstanceOf(ParsedStatement.Other.class);
        assertThat(parse("ALTER TABLE")).isInstanceOf(ParsedStatement.class);
    }
}
