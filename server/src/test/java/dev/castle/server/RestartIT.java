package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartIT {

    @Test
    void shouldRebuildStateFromTheLogAndContinueIdsAfterTheHighest() {
        // given a node that registered three schemas and was stopped
        String topic = "_schemas_restart_" + System.nanoTime();
        List<Integer> ids = new ArrayList<>();
        try (Node node = Node.start(topic, "restart-" + System.nanoTime())) {
            for (int i = 0; i < 3; i++) {
                ids.add(node.register("s" + i, Node.avroRecord("r" + i))
                        .json()
                        .get("id")
                        .asInt());
            }
            node.send("DELETE", "/subjects/s2", null);
        }

        // when a new node starts on the same topic
        try (Node node = Node.start(topic, "restart-" + System.nanoTime())) {

            // then every schema, version and delete is back
            for (int i = 0; i < 3; i++) {
                Reply byId = node.get("/schemas/ids/" + ids.get(i));
                assertThat(byId.status()).isEqualTo(200);
                assertThat(byId.json().get("schema").asText()).contains("\"r" + i + "\"");
            }
            assertThat(node.get("/subjects").json().toString()).isEqualTo("[\"s0\",\"s1\"]");
            assertThat(node.register("s0", Node.avroRecord("r0"))
                            .json()
                            .get("id")
                            .asInt())
                    .isEqualTo(ids.get(0));

            // and a new schema gets the next id after the highest
            int next =
                    node.register("s3", Node.avroRecord("r3")).json().get("id").asInt();
            assertThat(next)
                    .isEqualTo(ids.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1);
        }
    }
}
