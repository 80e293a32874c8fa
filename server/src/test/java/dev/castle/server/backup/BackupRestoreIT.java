package dev.castle.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.server.Castle;
import dev.castle.server.CastleConfig;
import dev.castle.testing.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreIT {
    @TempDir
    Path dir;

    @Test
    void shouldAnswerTheSameAfterBackupDeleteTopicAndRestore() throws Exception {
        String topic = Registries.topic("backup");
        Map<String, String> before;
        try (Castle castle = Registries.start(topic)) {
            RegistryClient registry = new RegistryClient(castle.url());
            Registries.fill(registry);
            before = Registries.snapshot(registry);
        }
        assertThat(before.get("/subjects?deleted=true"))
                .contains("soft", ":.other:ctx-value")
                .doesNotContain("hard");
        assertThat(before.get("/config")).contains("FULL");
        assertThat(before.get("/mode/common")).contains("READONLY");
        assertThat(before).hasSizeGreaterThan(40);
        Path properties = properties(topic);
        Path file = dir.resolve("schemas.backup");

        assertThat(tool("backup", "get", "--location", file.toString(), properties.toString()))
                .isZero();
        TestKafka.deleteTopic(topic);
        assertThat(tool("backup", "restore", "--location", file.toString(), properties.toString()))
                .isZero();

        assertThat(Files.exists(dir.resolve("schemas.backup.sha256"))).isTrue();
        try (Castle castle = Registries.start(topic)) {
            assertThat(Registries.snapshot(new RegistryClient(castle.url()))).isEqualTo(before);
        }
    }

    @Test
    void shouldCopyEveryRecordByteForByteInOffsetOrder() throws Exception {
        String topic = Registries.topic("bytes");
        try (Castle castle = Registries.start(topic)) {
            Registries.fill(new RegistryClient(castle.url()));
        }
        CastleConfig config = new CastleConfig(Registries.config(topic));
        Path file = dir.resolve("copy.backup");
        Backup.get(config, file, false);
        String copy = Registries.topic("copy");

        Backup.restore(new CastleConfig(Registries.config(copy)), file, false);

        assertThat(records(copy)).isEqualTo(records(topic)).anyMatch(record -> record.value() == null);
    }

    @Test
    void shouldRefuseATopicWithRegistryRecordsUnlessForced() throws Exception {
        String topic = Registries.topic("busy");
        try (Castle castle = Registries.start(topic)) {
            Registries.register(new RegistryClient(castle.url()), "s", "\"int\"");
        }
        CastleConfig config = new CastleConfig(Registries.config(topic));
        Path file = dir.resolve("busy.backup");
        long count = Backup.get(config, file, false);

        assertThatThrownBy(() -> Backup.restore(config, file, false)).hasMessageContaining("--force");
        assertThat(Backup.restore(config, file, true)).isEqualTo(count);
        assertThat(records(topic)).hasSize((int) count * 2);
    }

    @Test
    void shouldRestoreIntoATopicHoldingOnlyALeadersNoop() throws Exception {
        String source = Registries.topic("source");
        try (Castle castle = Registries.start(source)) {
            Registries.register(new RegistryClient(castle.url()), "s", "\"int\"");
        }
        Path file = dir.resolve("source.backup");
        Backup.get(new CastleConfig(Registries.config(source)), file, false);
        String target = Registries.topic("fresh");
        Castle.start(Registries.config(target)).close();

        Backup.restore(new CastleConfig(Registries.config(target)), file, false);

        try (Castle castle = Registries.start(target)) {
            assertThat(new RegistryClient(castle.url()).get("/subjects").toString())
                    .isEqualTo("[\"s\"]");
        }
    }

    @Test
    void shouldTellTheOperatorWhatIsWrong() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Tools.run(
                new String[] {"backup", "get", "--location", dir.resolve("x").toString()},
                Map.of(),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("kafkastore.bootstrap.servers is not set");
        assertThat(Tools.handles(new String[] {"backup"})).isTrue();
        assertThat(Tools.handles(new String[] {"schema-registry.properties"})).isFalse();
    }

    private Path properties(String topic) throws Exception {
        Properties properties = new Properties();
        properties.putAll(Registries.config(topic));
        Path file = dir.resolve("schema-registry.properties");
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
        return file;
    }

    private static int tool(String... args) {
        return Tools.run(args, Map.of(), System.out, System.err);
    }

    private static List<BackupRecord> records(String topic) {
        return TestKafka.records(topic, IsolationLevel.READ_COMMITTED).stream()
                .map(record -> new BackupRecord(record.key(), record.value()))
                .toList();
    }
}
