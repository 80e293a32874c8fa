package dev.castle.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFormatTest {
    private static final String KEY = "{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":1,\"magic\":1}";
    private static final String VALUE =
            "{\"subject\":\"orders-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\","
                    + "\"deleted\":false}";

    @TempDir
    Path dir;

    @Test
    void shouldWriteKeyBarValueWithNullForNull() {
        assertThat(LineFormat.line(BackupRecord.of(KEY, VALUE), 0)).isEqualTo(KEY + "|" + VALUE);
        assertThat(LineFormat.line(BackupRecord.of(KEY, null), 1)).isEqualTo(KEY + "|NULL");
        assertThat(LineFormat.line(BackupRecord.of("{\"keytype\":\"NOOP\",\"magic\":0}", null), 2))
                .isEqualTo("{\"keytype\":\"NOOP\",\"magic\":0}|NULL");
    }

    @Test
    void shouldReadWhatItWritesIncludingTombstonesAndEmptyValues() {
        List<BackupRecord> records = List.of(
                BackupRecord.of(KEY, VALUE),
                BackupRecord.of(KEY, null),
                BackupRecord.of(KEY, ""),
                BackupRecord.of(null, "x"));
        StringBuilder text = new StringBuilder();
        records.forEach(record -> text.append(LineFormat.line(record, 0)).append('\n'));

        assertThat(LineFormat.parse(text.toString())).isEqualTo(records);
    }

    @Test
    void shouldReadTheKeyAsJsonWhenTheSubjectHoldsTheSeparator() {
        String key = "{\"keytype\":\"SCHEMA\",\"subject\":\"a|b\",\"version\":1,\"magic\":1}";
        String line = LineFormat.line(BackupRecord.of(key, VALUE), 0);

        assertThat(LineFormat.parse(line + "\n")).containsExactly(BackupRecord.of(key, VALUE));
        assertThat(LineFormat.ambiguousForConsoleProducer(line)).isTrue();
        assertThat(LineFormat.ambiguousForConsoleProducer(KEY + "|" + VALUE)).isFalse();
    }

    @Test
    void shouldReadWhatTheConsoleConsumerPrintsWithWindowsLineEnds() {
        assertThat(LineFormat.parse("k1|v1\r\nk2|NULL\r\n"))
                .containsExactly(BackupRecord.of("k1", "v1"), BackupRecord.of("k2", null));
    }

    @Test
    void shouldWritePrettyPrintedJsonCompactlyInItsOwnOrder() {
        BackupRecord pretty = BackupRecord.of(
                "{\n  \"subject\": \"s\",\n  \"keytype\": \"SCHEMA\"\n}", "{\n \"b\": 1,\n \"a\": 2.50\n}");

        assertThat(LineFormat.line(pretty, 7))
                .isEqualTo("{\"subject\":\"s\",\"keytype\":\"SCHEMA\"}|{\"b\":1,\"a\":2.50}");
    }

    @Test
    void shouldRefuseRecordsThatCannotBeALine() {
        assertThatThrownBy(() -> LineFormat.line(BackupRecord.of(KEY, "not\njson"), 42))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("offset 42");
        assertThatThrownBy(() -> LineFormat.line(new BackupRecord(KEY.getBytes(), new byte[] {(byte) 0xC3}), 3))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> LineFormat.line(BackupRecord.of(KEY, "NULL"), 3))
                .hasMessageContaining("NULL");
        assertThatThrownBy(() -> LineFormat.parse("no separator\n")).hasMessageContaining("Line 1");
    }

    @Test
    void shouldWriteASha256SumSidecarAndRefuseAChangedFile() throws Exception {
        Path file = dir.resolve("schemas.backup");
        try (LineWriter writer = LineWriter.open(file, false)) {
            writer.write(BackupRecord.of(KEY, VALUE), 0);
            writer.write(BackupRecord.of(KEY, null), 1);
            writer.commit();
        }

        assertThat(Files.readString(dir.resolve("schemas.backup.sha256")))
                .isEqualTo(Checksum.sha256(file) + "  schemas.backup\n");
        assertThat(BackupFormat.detect(file)).isEqualTo(BackupFormat.CASTLE);
        assertThat(BackupFormat.CASTLE.read(file))
                .containsExactly(BackupRecord.of(KEY, VALUE), BackupRecord.of(KEY, null));

        Files.writeString(file, KEY + "|" + VALUE + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BackupFormat.CASTLE.read(file)).hasMessageContaining("does not match its checksum");
    }

    @Test
    void shouldRefuseToOverwriteUnlessToldAndLeaveNothingBehindOnFailure() throws Exception {
        Path file = dir.resolve("b");
        Files.writeString(file, "old");

        assertThatThrownBy(() -> LineWriter.open(file, false)).hasMessageContaining("--overwrite");
        try (LineWriter writer = LineWriter.open(file, true)) {
            writer.write(BackupRecord.of(KEY, VALUE), 0);
        }
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldReadABackupWithoutSidecarAsTheConsoleConsumerWroteIt() throws Exception {
        Path file = dir.resolve("console.backup");
        Files.writeString(file, KEY + "|" + VALUE + "\n" + KEY + "|NULL\n");

        assertThat(BackupFormat.detect(file).read(file)).hasSize(2);
    }
}
