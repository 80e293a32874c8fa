package dev.castle.server.api;

import dev.castle.server.Castle;
import dev.castle.server.TestNodes;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A Castle node of its own (own topic and group) on the shared test broker, and a small client for its HTTP API. */
final class Api implements AutoCloseable {
    static final String V1_JSON = TestNodes.V1_JSON;
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final Castle castle;
    private final String topic;
    private final TestHttp http;

    private Api(Castle castle, String topic) {
        this.castle = castle;
        this.topic = topic;
        this.http = TestHttp.to(castle.url());
    }

    /** Starts a node on a topic and group nobody else uses. */
    static Api start(String name) {
        return start(name, Map.of());
    }

    /** Starts a node on a topic and group nobody else uses, with more configuration. */
    static Api start(String name, Map<String, String> config) {
        Map<String, String> values = TestNodes.registry(name);
        values.putAll(config);
        return new Api(Castle.start(values), values.get("kafkastore.topic"));
    }

    /** The {@code _schemas} topic of this node. */
    String topic() {
        return topic;
    }

    String url() {
        return castle.url();
    }

    /** A subject name no other test of this JVM uses. */
    static String subject(String hint) {
        return hint + "-" + SUBJECTS.incrementAndGet();
    }

    /**
     * The GUID Confluent 8.x gives a schema without references, metadata or rule set: the MD5 of its stored text,
     * written as a UUID.
     */
    static String guid(String storedText) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(storedText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(md5);
            return new java.util.UUID(bytes.getLong(), bytes.getLong()).toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code {"schema": "<text>"}}. */
    static String schemaBody(String schema) {
        return TestHttp.json(Map.of("schema", schema));
    }

    /** A request body for a schema with references: {@code refs} are (name, subject, version) triples. */
    static String schemaBody(String schema, Object... refs) {
        return Typed.body(null, schema, refs);
    }

    Reply get(String path) {
        return send("GET", path, null, V1_JSON, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, V1_JSON, V1_JSON);
    }

    Reply put(String path, String body) {
        return send("PUT", path, body, V1_JSON, V1_JSON);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, V1_JSON, null);
    }

    /** Registers a schema and returns its id, failing the test when the registry refuses it. */
    int register(String subject, String schema) {
        Reply reply = post("/subjects/" + TestHttp.encode(subject) + "/versions", schemaBody(schema));
        if (reply.status() != 200) {
            throw new AssertionError("register " + subject + " failed: " + reply);
        }
        return reply.id();
    }

    /**
     * Any request; null {@code accept} or {@code contentType} leaves the header out; {@code headers} are extra
     * name/value pairs.
     */
    Reply send(String method, String path, String body, String accept, String contentType, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Accept";
        all[1] = accept;
        all[2] = "Content-Type";
        all[3] = contentType;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return http.send(method, path, body, all);
    }

    @Override
    public void close() {
        castle.close();
    }
}
