package dev.castle.server.rest;

import dev.castle.server.Castle;
import dev.castle.server.TestNodes;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.util.Map;

/** A Castle node with its REST Proxy on the shared test broker, and an HTTP client for the proxy's API. */
final class RestApi implements AutoCloseable {
    static final String V2 = "application/vnd.kafka.v2+json";
    static final String BINARY = "application/vnd.kafka.binary.v2+json";
    static final String JSON = "application/vnd.kafka.json.v2+json";
    static final String AVRO = "application/vnd.kafka.avro.v2+json";
    static final String JSONSCHEMA = "application/vnd.kafka.jsonschema.v2+json";
    static final String PROTOBUF = "application/vnd.kafka.protobuf.v2+json";

    private final Castle castle;
    private final TestHttp http;

    private RestApi(Castle castle) {
        this.castle = castle;
        this.http = TestNodes.restClient(castle);
    }

    /** Starts a node on its own registry topic and group, with the proxy's settings added to the defaults. */
    static RestApi start(String name, Map<String, String> restSettings) {
        Map<String, String> config = TestNodes.withRestProxy(name);
        restSettings.forEach((key, value) -> config.put("rest." + key, value));
        return new RestApi(Castle.start(config));
    }

    static RestApi start(String name) {
        return start(name, Map.of());
    }

    /** Creates a topic named after {@code hint} with {@code partitions} partitions, once the broker lists it. */
    static String createTopic(String hint, int partitions) {
        return TestKafka.createTopic(TestKafka.uniqueName(hint), partitions);
    }

    String registryUrl() {
        return castle.url();
    }

    Reply get(String path) {
        return http.get(path);
    }

    Reply get(String path, String accept) {
        return http.send("GET", path, null, "Accept", accept);
    }

    Reply post(String path, String contentType, String body) {
        return http.send("POST", path, body, "Content-Type", contentType);
    }

    Reply delete(String path) {
        return http.delete(path);
    }

    Reply sendWithHeader(String method, String path, String name, String value) {
        return http.send(method, path, null, name, value);
    }

    Reply send(String method, String path, String contentType, String accept, String body) {
        return http.send(method, path, body, "Content-Type", contentType, "Accept", accept);
    }

    @Override
    public void close() {
        castle.close();
    }
}
