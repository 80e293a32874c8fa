package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadYourWritesIT {
    private static Node node;

    @BeforeAll
    static void start() {
        node = Node.start("_schemas_ryw_" + System.nanoTime(), "ryw-" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void shouldServeEachWriteToTheVeryNextRead() {
        node.send("PUT", "/config/ryw", "{\"compatibility\":\"NONE\"}");
        for (int i = 1; i <= 20; i++) {
            // when
            int id = node.register("ryw", Node.avroRecord("r" + i))
                    .json()
                    .get("id")
                    .asInt();

            // then the next reads already see it
            Reply latest = node.get("/subjects/ryw/versions/latest");
            assertThat(latest.json().get("version").asInt()).isEqualTo(i);
            assertThat(latest.json().get("id").asInt()).isEqualTo(id);
            assertThat(node.get("/schemas/ids/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void shouldServeDeletesAndSettingsToTheVeryNextRead() {
        // given
        node.register("gone", Node.avroRecord("gone"));

        // when
        node.send("DELETE", "/subjects/gone/versions/1", null);
        node.send("PUT", "/config/gone", "{\"compatibility\":\"FULL\"}");
        node.send("PUT", "/mode/gone", "{\"mode\":\"READONLY\"}");

        // then
        assertThat(node.get("/subjects/gone/versions/1").status()).isEqualTo(404);
        assertThat(node.get("/config/gone").json().get("compatibilityLevel").asText())
                .isEqualTo("FULL");
        assertThat(node.get("/mode/gone").json().get("mode").asText()).isEqualTo("READONLY");
    }
}
