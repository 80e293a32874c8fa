package dev.castle.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KarapaceFormatsTest {
    private static final String KEY = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}";
    private static final String VALUE =
            "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\",\"deleted\":false}";

    @TempDir
    Path dir;

    @Test
    void shouldReadV1PairsWithCanonicalKeys() throws Exception {
        Path file = dir.resolve("v1.json");
        Files.writeString(
                file,
                "[[{\"subject\": \"s\", \"version\": 1, \"magic\": 1, \"keytype\": \"SCHEMA\"},"
                        + " {\"subject\": \"s\", \"version\": 1, \"id\": 1, \"schema\": \"\\\"int\\\"\", \"deleted\": false}],\n"
                        + " [{\"keytype\": \"CONFIG\", \"subject\": null, \"magic\": 0}, {\"compatibilityLevel\": \"FULL\"}],\n"
                        + " [{\"subject\": \"s\", \"magic\": 1, \"keytype\": \"SCHEMA\", \"version\": 1}, null]]");

        assertThat(BackupFormat.detect(file)).isEqualTo(BackupFormat.KARAPACE_V1);
        assertThat(BackupFormat.KARAPACE_V1.read(file))
                .containsExactly(
                        BackupRecord.of(KEY, VALUE),
                        BackupRecord.of("{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"),
                        BackupRecord.of(KEY, null));
    }

    @Test
    void shouldReadAnEmptyV1Backup() throws Exception {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "[]");

        assertThat(BackupFormat.detect(file).read(file)).isEmpty();
    }

    @Test
    void shouldReadV2HexLinesWithNullAndEmpty() throws Exception {
        String prettyKey =
                "{\n    \"subject\": \"s\",\n    \"version\": 1,\n    \"magic\": 1,\n    \"keytype\": \"SCHEMA\"\n}";
        Path file = dir.resolve("v2.log");
        Files.writeString(
                file,
                "/V2\n" + hex(prettyKey) + "\t" + hex(VALUE) + "\n"
                        + hex(KEY).toLowerCase() + "\tnull\n"
                        + hex("other") + "\t\n");

        assertThat(BackupFormat.detect(file)).isEqualTo(BackupFormat.KARAPACE_V2);
        assertThat(BackupFormat.KARAPACE_V2.read(file))
                .containsExactly(BackupRecord.of(KEY, VALUE), BackupRecord.of(KEY, null), BackupRecord.of("other", ""));
    }

    @Test
    void shouldRefuseAV2LineThatIsNotHex() throws Exception {
        Path file = dir.resolve("bad.log");
        Files.writeString(file, "/V2\nZZ\t00\n");

        assertThatThrownBy(() -> BackupFormat.KARAPACE_V2.read(file)).hasMessageContaining("Line 2");
    }

    @Test
    void shouldReadV3FromTheDirectoryOrTheMetadataFileVerifyingCheckpoints() throws Exception {
        List<BackupRecord> records = List.of(
                BackupRecord.of(KEY, VALUE),
                BackupRecord.of(KEY, null),
                BackupRecord.of("k", "v"),
                BackupRecord.of(null, "x"));
        Path metadata = KarapaceV3Files.write(dir.resolve("backup"), "_schemas", records, 2);

        assertThat(BackupFormat.detect(dir.resolve("backup"))).isEqualTo(BackupFormat.KARAPACE_V3);
        assertThat(BackupFormat.detect(metadata)).isEqualTo(BackupFormat.KARAPACE_V3);
        assertThat(BackupFormat.KARAPACE_V3.read(dir.resolve("backup"))).isEqualTo(records);
        assertThat(BackupFormat.KARAPACE_V3.read(metadata)).isEqualTo(records);
    }

    @Test
    void shouldReadAnEmptyV3Backup() throws Exception {
        Path metadata = KarapaceV3Files.write(dir, "_schemas", List.of(), 100);

        assertThat(BackupFormat.KARAPACE_V3.read(metadata)).isEmpty();
    }

    @Test
    void shouldRefuseAV3DataFileWithAFlippedBit() throws Exception {
        List<BackupRecord> records =
                List.of(BackupRecord.of(KEY, VALUE), BackupRecord.of("k", "v"), BackupRecord.of("k", "w"));
        Path metadata = KarapaceV3Files.write(dir, "_schemas", records, 100);
        Path data = dir.resolve("_schemas:0.data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 12] ^= 0x01;
        Files.write(data, bytes);

        assertThatThrownBy(() -> BackupFormat.KARAPACE_V3.read(metadata))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void shouldRefuseAV3DataFileWithAWrongCheckpoint() throws Exception {
        List<BackupRecord> records =
                List.of(BackupRecord.of("a", "1"), BackupRecord.of("b", "2"), BackupRecord.of("c", "3"));
        Path metadata = KarapaceV3Files.write(dir, "_schemas", records, 1);
        Path data = dir.resolve("_schemas:0.data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[6] ^= 0x01; // the first record's key: the checkpoint before the second record no longer matches
        Files.write(data, bytes);

        assertThatThrownBy(() -> BackupFormat.KARAPACE_V3.read(metadata)).hasMessageContaining("before record 1");
    }

    @Test
    void shouldRefuseADirectoryWithoutOneMetadataFile() {
        assertThatThrownBy(() -> BackupFormat.KARAPACE_V3.read(dir)).hasMessageContaining("exactly one .metadata");
    }

    @Test
    void shouldLeaveKeysItCannotCanonicaliseAsTheyAre() {
        assertThat(new String(
                        CanonicalKey.of("{\"keytype\":\"SCHEMA\",\"extra\":1}".getBytes()), StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"extra\":1}");
        assertThat(new String(CanonicalKey.of("plain".getBytes()), StandardCharsets.UTF_8))
                .isEqualTo("plain");
        assertThat(new String(
                        CanonicalKey.of(
                                "{\"magic\":0,\"context\":\".c\",\"keytype\":\"CONTEXT\",\"tenant\":\"default\"}"
                                        .getBytes()),
                        StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".c\",\"magic\":0}");
    }

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
