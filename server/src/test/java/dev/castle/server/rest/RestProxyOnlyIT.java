package dev.castle.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.server.Castle;
import dev.castle.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node with the registry side switched off serves the REST Proxy alone, using another registry through its
 * {@code schema.registry.url} (here a second Castle node over HTTP), or none at all.
 */
class RestProxyOnlyIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Castle registry;
    private static Castle proxy;
    private static Castle bare;

    @BeforeAll
    static void start() {
        String unique = "proxy_only_" + System.nanoTime();
        registry = Castle.start(Map.of(
                "kafkastore.bootstrap.servers",
                TestKafka.bootstrapServers(),
                "kafkastore.topic",
                "_schemas_" + unique,
                "schema.registry.group.id",
                unique,
                "listeners",
                "http://127.0.0.1:0",
                "castle.rest.enabled",
                "false"));
        proxy = Castle.start(Map.of(
                "kafkastore.bootstrap.servers",
                TestKafka.bootstrapServers(),
                "castle.registry.enabled",
                "false",
                "rest.listeners",
                "http://127.0.0.1:0",
                "rest.schema.registry.url",
                registry.url()));
        bare = Castle.start(Map.of(
                "kafkastore.bootstrap.servers", TestKafka.bootstrapServers(),
                "castle.registry.enabled", "false",
                "rest.listeners", "http://127.0.0.1:0"));
    }

    @AfterAll
    static void stop() {
        for (Castle castle : new Castle[] {bare, proxy, registry}) {
            if (castle != null) {
                castle.close();
            }
        }
    }

    private static HttpResponse<String> send(Castle castle, String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + castle.restPort().orElseThrow() + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header(method.equals("GET") ? "Accept" : "Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRegisterInAndReadFromTheConfiguredRegistry() throws Exception {
        String topic = RestApi.createTopic("proxyonly", 1);
        String body =
                "{\"value_schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\","
                        + "\"records\":[{\"value\":{\"a\":42}}]}";

        HttpResponse<String> produced = send(proxy, "POST", "/topics/" + topic, RestApi.AVRO, body);
        HttpResponse<String> subjects = HTTP.send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        send(proxy, "POST", "/consumers/g-" + topic, RestApi.V2, "{\"name\":\"c\",\"format\":\"avro\"}");
        String instance = "/consumers/g-" + topic + "/instances/c";
        send(proxy, "POST", instance + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");
        String records = "[]";
        for (int i = 0; i < 10 && records.equals("[]"); i++) {
            records = send(proxy, "GET", instance + "/records?timeout=1000", RestApi.AVRO, null)
                    .body();
        }

        assertThat(produced.statusCode()).as(produced.body()).isEqualTo(200);
        assertThat(subjects.body()).contains(topic + "-value");
        assertThat(records).contains("\"value\":{\"a\":42}");
        assertThat(registry.restPort()).isEmpty();
        assertThat(proxy.port()).isEqualTo(-1);
    }

    @Test
    void shouldServeBinaryWithoutARegistryAndRefuseSchemas() throws Exception {
        String topic = RestApi.createTopic("noregistry", 1);

        HttpResponse<String> binary =
                send(bare, "POST", "/topics/" + topic, RestApi.BINARY, "{\"records\":[{\"value\":\"YQ==\"}]}");
        HttpResponse<String> avro = send(
                bare,
                "POST",
                "/topics/" + topic,
                RestApi.AVRO,
                "{\"value_schema\":\"\\\"int\\\"\",\"records\":[{\"value\":1}]}");

        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(avro.statusCode()).isEqualTo(408);
        assertThat(avro.body()).contains("40801");
    }

    @Test
    void shouldServeMetricsOnTheProxysListenerWhenTheRegistryIsOff() throws Exception {
        // given
        assertThat(send(bare, "GET", "/topics", null, null).statusCode()).isEqualTo(200);

        // when Prometheus scrapes the proxy's listener
        HttpResponse<String> scrape = send(
                bare,
                "GET",
                "/metrics",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
                null);

        // then
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{listener=\"rest-proxy\",method=\"GET\","
                        + "route=\"/topics\",status=\"200\"} 1")
                .contains("jvm_memory_used_bytes");
    }
}
