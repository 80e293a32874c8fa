package dev.castle.server;

import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Castle nodes for the integration tests, on the shared test broker: each on a {@code _schemas} topic and group of its
 * own, its listeners on free ports, and the REST Proxy off unless asked for.
 */
public final class TestNodes {
    /** The registry's media type, sent as the Content-Type of every registry request. */
    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

    private TestNodes() {}

    /** The settings of a registry node named after {@code hint} (a mutable map: add or replace what a test needs). */
    public static Map<String, String> registry(String hint) {
        String unique = TestKafka.uniqueName(hint);
        Map<String, String> config = new HashMap<>();
        config.put("kafkastore.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("kafkastore.topic", "_schemas_" + unique);
        config.put("schema.registry.group.id", unique);
        config.put("listeners", "http://127.0.0.1:0");
        config.put("castle.rest.enabled", "false");
        return config;
    }

    /** As {@link #registry}, with the REST Proxy on a free port as well. */
    public static Map<String, String> withRestProxy(String hint) {
        Map<String, String> config = registry(hint);
        config.remove("castle.rest.enabled");
        config.put("rest.listeners", "http://127.0.0.1:0");
        return config;
    }

    /** Starts a registry node named after {@code hint}, with {@code overrides} over its settings. */
    public static Castle start(String hint, Map<String, String> overrides) {
        Map<String, String> config = registry(hint);
        config.putAll(overrides);
        return Castle.start(config);
    }

    /** A client of the node's registry API that sends the registry's media type. */
    public static TestHttp registryClient(Castle node) {
        return registryClient(node.url());
    }

    /** A client of the registry at {@code baseUrl} that sends the registry's media type. */
    public static TestHttp registryClient(String baseUrl) {
        return TestHttp.to(baseUrl, "Content-Type", V1_JSON);
    }

    /** As {@link #registryClient(String)}, through {@code client} (one that trusts a test certificate, say). */
    public static TestHttp registryClient(HttpClient client, String baseUrl) {
        return TestHttp.to(client, baseUrl, "Content-Type", V1_JSON);
    }

    /** A client of the node's REST Proxy listener. */
    public static TestHttp restClient(Castle node) {
        return TestHttp.to("http://127.0.0.1:" + node.restPort().orElseThrow());
    }

    /** The value of the one sample named exactly {@code series} (name and labels) in a Prometheus text scrape. */
    public static OptionalDouble metric(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return OptionalDouble.of(Double.parseDouble(
                        line.substring(series.length() + 1).trim().split(" ")[0]));
            }
        }
        return OptionalDouble.empty();
    }
}
