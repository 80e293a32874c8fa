package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One command, a working durable registry (DESIGN §9): no bootstrap servers means an embedded broker. */
class EmbeddedCastleIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    private static HttpResponse<String> send(Castle castle, String method, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(castle.url() + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldKeepTheRegistryInTheDataDirectoryAcrossRestarts() throws Exception {
        // given a node with an embedded broker that registered a schema
        int id;
        try (Castle castle = start()) {
            HttpResponse<String> registered =
                    send(castle, "POST", "/subjects/embedded/versions", "{\"schema\":\"\\\"string\\\"\"}");
            assertThat(registered.statusCode()).isEqualTo(200);
            id = MAPPER.readTree(registered.body()).get("id").asInt();
        }

        // when the node starts again on the same directory
        try (Castle castle = start()) {

            // then the schema is still there
            HttpResponse<String> byId = send(castle, "GET", "/schemas/ids/" + id, null);
            assertThat(byId.statusCode()).isEqualTo(200);
            assertThat(MAPPER.readTree(byId.body()).get("schema").asText()).isEqualTo("\"string\"");
        }
    }
}
