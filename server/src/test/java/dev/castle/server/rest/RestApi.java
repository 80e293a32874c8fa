package dev.castle.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.server.Castle;
import dev.castle.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** A Castle node with its REST Proxy on the shared test broker, and an HTTP client for the proxy's API. */
final class RestApi implements AutoCloseable {
    static final String V2 = "application/vnd.kafka.v2+json";
    static final String BINARY = "application/vnd.kafka.binary.v2+json";
    static final String JSON = "application/vnd.kafka.json.v2+json";
    static final String AVRO = "application/vnd.kafka.avro.v2+json";
    static final String JSONSCHEMA = "application/vnd.kafka.jsonschema.v2+json";
    static final String PROTOBUF = "application/vnd.kafka.protobuf.v2+json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Castle castle;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RestApi(Castle castle) {
        this.castle = castle;
        this.base = "http://127.0.0.1:" + castle.restPort().orElseThrow();
    }

    /** Starts a node on its own registry topic and group, with the proxy's settings added to the defaults. */
    static RestApi start(String name, Map<String, String> restSettings) {
        String unique = name + "_" + System.nanoTime();
        Map<String, String> config = new HashMap<>();
        config.put("kafkastore.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("kafkastore.topic", "_schemas_" + unique);
        config.put("schema.registry.group.id", unique);
        config.put("listeners", "http://127.0.0.1:0");
        config.put("rest.listeners", "http://127.0.0.1:0");
        restSettings.forEach((key, value) -> config.put("rest." + key, value));
        return new RestApi(Castle.start(config));
    }

    static RestApi start(String name) {
        return start(name, Map.of());
    }

    /** A topic name no other test uses. */
    static String uniqueName(String hint) {
        return hint + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime();
    }

    /** Creates a topic with {@code partitions} partitions and waits until it exists. */
    static String createTopic(String hint, int partitions) {
        String topic = uniqueName(hint);
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(java.util.List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
            // the controller has it; wait until the broker's metadata lists it too, as the proxy reads it there
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!admin.listTopics().names().get().contains(topic) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
        return topic;
    }

    String registryUrl() {
        return castle.url();
    }

    Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    Reply get(String path, String accept) {
        return send("GET", path, null, accept, null);
    }

    Reply post(String path, String contentType, String body) {
        return send("POST", path, contentType, null, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null, null);
    }

    Reply sendWithHeader(String method, String path, String name, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header(name, value));
    }

    Reply send(String method, String path, String contentType, String accept, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        castle.close();
    }

    /** One answer of the proxy. */
    record Reply(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }

        String message() {
            return json().path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
