package dev.stepwise.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlCommentTest {

    @Test
    void aNameWithALineBreak_staysInsideTheComment_whateverTheBreak() {
        for (String lineBreak : List.of("\n", "\r", "\r\n")) {
            String text = "+ table public.x" + lineBreak + "DELETE FROM public.canary; --";

            String comment = SqlComment.of(text);

            assertThat(comment).startsWith("-- + table public.x\n-- DELETE FROM public.canary; --");
            // read as Stepwise and PostgreSQL read it: nothing but comments
            assertThat(StatementSplitter.statements(comment + "SELECT 1;")).extracting(ScriptItem.Statement::sql)
                    .containsExactly("SELECT 1");
        }
    }

    @Test
    void oneLine_isOneComment() {
        assertThat(SqlComment.lines("+ schema s")).containsExactly("-- + schema s");
    }
}
