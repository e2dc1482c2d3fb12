package dev.stepwise.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TomlFileTest {

    @TempDir
    Path dir;

    private Map<String, Object> read(String text) throws IOException {
        Path file = dir.resolve("stepwise.toml");
        Files.writeString(file, text);
        return TomlFile.read(file);
    }

    @Test
    void readsTheValuesASettingsFileHolds() throws IOException {
        Map<String, Object> values = read("""
                # a comment
                url = "postgresql://app@db/app?x=1#not-a-comment"   # trailing comment
                user = 'lit\\eral'
                lock_wait = "10m"
                retries = 3
                verbose = true
                java_packages = ["com.acme.db", 'com.acme.more']
                long_list = [
                    "a",  # first
                    "b",
                ]
                escaped = "tab\\there \\"quoted\\" \\u00e9"

                [lock_timeout]
                start = "100ms"
                "max" = "2s"
                """);
        assertThat(values).containsEntry("url", "postgresql://app@db/app?x=1#not-a-comment")
                .containsEntry("user", "lit\\eral")
                .containsEntry("retries", 3L)
                .containsEntry("verbose", true)
                .containsEntry("java_packages", List.of("com.acme.db", "com.acme.more"))
                .containsEntry("long_list", List.of("a", "b"))
                .containsEntry("escaped", "tab\there \"quoted\" é")
                .containsEntry("lock_timeout.start", "100ms")
                .containsEntry("lock_timeout.max", "2s");
    }

    @Test
    void aMissingFile_isEmpty() {
        assertThat(TomlFile.read(dir.resolve("nope.toml"))).isEmpty();
    }

    @Test
    void problems_nameTheFileAndLine() {
        assertThatThrownBy(() -> read("a = 1\nb = \"open\n")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("stepwise.toml:2: a string that is never closed");
        assertThatThrownBy(() -> read("a = 1\na = 2\n")).hasMessageContaining(":2: 'a' is given twice");
        assertThatThrownBy(() -> read("just words\n")).hasMessageContaining(":1: expected key = value");
        assertThatThrownBy(() -> read("a = soon\n")).hasMessageContaining(":1: 'soon' is not a value");
        assertThatThrownBy(() -> read("a.b = 1\n")).hasMessageContaining("dotted keys are not supported");
        assertThatThrownBy(() -> read("a = { b = 1 }\n")).hasMessageContaining(":1:");
        assertThatThrownBy(() -> read("a = [1,\n2\n")).hasMessageContaining(":1: an array that is never closed");
        assertThatThrownBy(() -> read("[[points]]\n")).hasMessageContaining("only [table] headers");
    }

    @Test
    void aValueWithoutItsQuotes_isReportedWithoutThePasswordItHolds() {
        assertThatThrownBy(() -> read("password = hunter2-secret\n"))
                .hasMessageContaining(":1: '***' is not a value").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> read("url = postgresql://app:hunter2-secret@db/shop\n"))
                .hasMessageContaining("'postgresql://app:***@db/shop' is not a value").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> read("url = jdbc:postgresql://db/shop?user=app&password=hunter2-secret\n"))
                .hasMessageContaining("password=***").hasMessageNotContaining("hunter2");
    }

    @Test
    void aUrlPastedWithoutAKey_isReportedWithoutItsPassword() {
        assertThatThrownBy(() -> read("postgresql://app:hunter2-secret@db/shop?sslmode=require\n"))
                .hasMessageContaining("is not a key").hasMessageNotContaining("hunter2");
    }
}
