package dev.castle.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A started node on the shared test broker with a small JSON client for it. */
final class Node implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Castle castle;

    record Reply(int status, JsonNode body) {}

    private Node(Castle castle) {
        this.castle = castle;
    }

    /** A node on the given topic and group. */
    static Node start(String topic, String group) {
        return new Node(Castle.start(Map.of(
                "kafkastore.bootstrap.servers",
                TestKafka.bootstrapServers(),
                "kafkastore.topic",
                topic,
                "schema.registry.group.id",
                group,
                "castle.rest.enabled",
                "false",
                "listeners",
                "http://127.0.0.1:0")));
    }

    static String avroRecord(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
    }

    static String registerBody(String schema) {
        return MAPPER.createObjectNode().put("schema", schema).toString();
    }

    Reply register(String subject, String schema) {
        return send("POST", "/subjects/" + encode(subject) + "/versions", registerBody(schema));
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(castle.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        castle.close();
    }
}
