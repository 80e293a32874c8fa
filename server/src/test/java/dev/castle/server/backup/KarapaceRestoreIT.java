package dev.castle.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.server.Castle;
import dev.castle.server.CastleConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Karapace user moves to Castle with the backup Karapace's tool made: v1, v2 or v3. */
class KarapaceRestoreIT {
    private static final String KEY_1 = "{\"keytype\":\"SCHEMA\",\"subject\":\"moved\",\"version\":1,\"magic\":1}";
    private static final String KEY_2 = "{\"keytype\":\"SCHEMA\",\"subject\":\"moved\",\"version\":2,\"magic\":1}";
    private static final String VALUE_1 =
            "{\"deleted\":false,\"id\":1,\"schema\":\"\\\"string\\\"\",\"subject\":\"moved\",\"version\":1}";
    private static final String VALUE_2 =
            "{\"deleted\":false,\"id\":2,\"schema\":\"\\\"int\\\"\",\"subject\":\"moved\"," + "\"version\":2}";
    private static final String CONFIG_KEY = "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}";
    private static final String CONFIG = "{\"compatibilityLevel\":\"NONE\"}";

    @TempDir
    Path dir;

    @Test
    void shouldRestoreAKarapaceV1Backup() throws Exception {
        Path file = dir.resolve("backup.json");
        Files.writeString(
                file,
                "[[" + CONFIG_KEY + ", " + CONFIG + "], [" + KEY_1 + ", " + VALUE_1 + "], [" + KEY_2 + ", " + VALUE_2
                        + "], [" + KEY_1 + ", null]]");

        assertRestored(file);
    }

    @Test
    void shouldRestoreAKarapaceV2Backup() throws Exception {
        Path file = dir.resolve("backup.v2");
        Files.writeString(
                file,
                "/V2\n" + hex(CONFIG_KEY) + "\t" + hex(CONFIG) + "\n" + hex(KEY_1) + "\t" + hex(VALUE_1) + "\n"
                        + hex(KEY_2) + "\t" + hex(VALUE_2) + "\n" + hex(KEY_1) + "\tnull\n");

        assertRestored(file);
    }

    @Test
    void shouldRestoreAKarapaceV3Backup() throws Exception {
        KarapaceV3Files.write(
                dir.resolve("v3"),
                "_schemas",
                List.of(
                        BackupRecord.of(CONFIG_KEY, CONFIG),
                        BackupRecord.of(KEY_1, VALUE_1),
                        BackupRecord.of(KEY_2, VALUE_2),
                        BackupRecord.of(KEY_1, null)),
                2);

        assertRestored(dir.resolve("v3"));
    }

    private static void assertRestored(Path backup) {
        String topic = Registries.topic("karapace");

        assertThat(Backup.restore(new CastleConfig(Registries.config(topic)), backup, false))
                .isEqualTo(4);

        try (Castle castle = Registries.start(topic)) {
            RegistryClient registry = new RegistryClient(castle.url());
            assertThat(registry.get("/subjects/moved/versions").toString()).isEqualTo("[2]");
            assertThat(registry.get("/schemas/ids/2").path("schema").asText()).isEqualTo("\"int\"");
            assertThat(registry.find("/schemas/ids/1")).isEmpty();
            assertThat(registry.get("/config").path("compatibilityLevel").asText())
                    .isEqualTo("NONE");
        }
    }

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
