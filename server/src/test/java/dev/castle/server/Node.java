package dev.castle.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.util.Map;

/** A started node on the shared test broker with a small JSON client for it. */
final class Node implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Castle castle;
    private final TestHttp http;

    private Node(Castle castle) {
        this.castle = castle;
        this.http = TestNodes.registryClient(castle);
    }

    /** A node on the given topic and group. */
    static Node start(String topic, String group) {
        return new Node(TestNodes.start(topic, Map.of("kafkastore.topic", topic, "schema.registry.group.id", group)));
    }

    static String avroRecord(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
    }

    static String registerBody(String schema) {
        return MAPPER.createObjectNode().put("schema", schema).toString();
    }

    Reply register(String subject, String schema) {
        return send("POST", "/subjects/" + TestHttp.encode(subject) + "/versions", registerBody(schema));
    }

    Reply get(String path) {
        return http.get(path);
    }

    Reply send(String method, String path, String body) {
        return http.send(method, path, body);
    }

    @Override
    public void close() {
        castle.close();
    }
}
