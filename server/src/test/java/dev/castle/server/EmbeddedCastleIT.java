package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One command, a working durable registry (DESIGN §9): no bootstrap servers means an embedded broker. */
class EmbeddedCastleIT {
    @TempDir
    Path dataDir;

    private Castle start() {
        return Castle.start(Map.of(
                "listeners",
                "http://127.0.0.1:0",
                "rest.listeners",
                "http://127.0.0.1:0",
                "castle.data.dir",
                dataDir.toString()));
    }

    @Test
    void shouldKeepTheRegistryInTheDataDirectoryAcrossRestarts() {
        // given a node with an embedded broker that registered a schema
        int id;
        try (Castle castle = start()) {
            Reply registered = TestNodes.registryClient(castle)
                    .post("/subjects/embedded/versions", "{\"schema\":\"\\\"string\\\"\"}");
            assertThat(registered.status()).isEqualTo(200);
            id = registered.id();
        }

        // when the node starts again on the same directory
        try (Castle castle = start()) {

            // then the schema is still there
            Reply byId = TestNodes.registryClient(castle).get("/schemas/ids/" + id);
            assertThat(byId.status()).isEqualTo(200);
            assertThat(byId.json().get("schema").asText()).isEqualTo("\"string\"");
        }
    }
}
