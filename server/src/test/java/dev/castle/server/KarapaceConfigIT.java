package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import dev.castle.testing.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node started from a Karapace user's configuration, on the real broker (issue 6). */
class KarapaceConfigIT {

    @TempDir
    Path dir;

    @Test
    void shouldServeTheRegistryAKarapaceConfigDescribes() throws Exception {
        // given a karapace.config.json as Karapace's own example has it, and a KARAPACE_* variable
        String unique = UUID.randomUUID().toString();
        Path file = Files.writeString(
                dir.resolve("karapace.config.json"),
                """
                {
                    "access_logs_debug": false,
                    "advertised_hostname": "127.0.0.1",
                    "bootstrap_uri": "%s",
                    "client_id": "sr-1",
                    "compatibility": "FULL",
                    "group_id": "karapace-%s",
                    "host": "127.0.0.1",
                    "log_level": "INFO",
                    "port": 0,
                    "server_tls_certfile": null,
                    "master_eligibility": true,
                    "replication_factor": 1,
                    "security_protocol": "PLAINTEXT",
                    "karapace_rest": false,
                    "karapace_registry": true,
                    "topic_name": "_schemas-karapace-%s",
                    "session_timeout_ms": 10000
                }
                """
                        .formatted(TestKafka.bootstrapServers(), unique, unique));
        CastleConfig config =
                CastleConfig.load(Optional.of(file), Optional.empty(), Map.of("KARAPACE_NAME_STRATEGY", "record_name"));

        // when a node starts from it
        try (Castle castle = Castle.start(config)) {
            // then it serves the registry on Karapace's host, with Karapace's compatibility, log and group
            assertThat(castle.url()).startsWith("http://127.0.0.1:");
            assertThat(castle.restPort()).isEmpty();
            Reply compatibility = Cluster.get(castle, "/config");
            assertThat(compatibility.json().path("compatibilityLevel").asText()).isEqualTo("FULL");
            Reply registered = Cluster.register(castle, "orders-value", Node.avroRecord("Order"));
            assertThat(registered.status()).isEqualTo(200);
            assertThat(config.topic()).isEqualTo("_schemas-karapace-" + unique);
            assertThat(config.groupId()).isEqualTo("karapace-" + unique);
            assertThat(config.get("rest.name.strategy")).contains("record_name");
            assertThat(castle.leaderUrl()).contains(castle.url());
        }
    }
}
