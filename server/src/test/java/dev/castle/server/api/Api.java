package dev.castle.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.server.Castle;
import dev.castle.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A Castle node of its own (own topic and group) on the shared test broker, and a small client for its HTTP API. */
final class Api implements AutoCloseable {
    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final Castle castle;
    private final String topic;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Api(Castle castle, String topic) {
        this.castle = castle;
        this.topic = topic;
    }

    /** Starts a node on a topic and group nobody else uses. */
    static Api start(String name) {
        return start(name, Map.of());
    }

    /** Starts a node on a topic and group nobody else uses, with more configuration. */
    static Api start(String name, Map<String, String> config) {
        String unique = name + "_" + System.nanoTime();
        String topic = "_schemas_" + unique;
        Map<String, String> values = new HashMap<>(config);
        values.put("kafkastore.bootstrap.servers", TestKafka.bootstrapServers());
        values.put("kafkastore.topic", topic);
        values.put("listeners", "http://127.0.0.1:0");
        values.put("castle.rest.enabled", "false");
        values.put("schema.registry.group.id", unique);
        return new Api(Castle.start(values), topic);
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

    /** Percent-encodes one path segment (a subject may hold {@code /}, {@code :} and quotes). */
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

    static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code {"schema": "<text>"}}. */
    static String schemaBody(String schema) {
        return json(Map.of("schema", schema));
    }

    /** A request body for a schema with references: {@code refs} are (name, subject, version) triples. */
    static String schemaBody(String schema, Object... refs) {
        ObjectNode body = MAPPER.createObjectNode().put("schema", schema);
        var array = body.putArray("references");
        for (int i = 0; i < refs.length; i += 3) {
            array.addObject()
                    .put("name", (String) refs[i])
                    .put("subject", (String) refs[i + 1])
                    .put("version", (Integer) refs[i + 2]);
        }
        return body.toString();
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
        Reply reply = post("/subjects/" + enc(subject) + "/versions", schemaBody(schema));
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        castle.close();
    }
}
