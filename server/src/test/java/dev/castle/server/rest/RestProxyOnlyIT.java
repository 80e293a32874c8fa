package dev.castle.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.server.Castle;
import dev.castle.server.TestNodes;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node with the registry side switched off serves the REST Proxy alone, using another registry through its
 * {@code schema.registry.url} (here a second Castle node over HTTP), or none at all.
 */
class RestProxyOnlyIT {
    private static Castle registry;
    private static Castle proxy;
    private static Castle bare;

    @BeforeAll
    static void start() {
        registry = TestNodes.start("proxy_only", Map.of());
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

    private static Reply send(Castle castle, String method, String path, String type, String body) {
        return TestNodes.restClient(castle)
                .send(method, path, body, method.equals("GET") ? "Accept" : "Content-Type", type);
    }

    @Test
    void shouldRegisterInAndReadFromTheConfiguredRegistry() throws Exception {
        String topic = RestApi.createTopic("proxyonly", 1);
        String body =
                "{\"value_schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\","
                        + "\"records\":[{\"value\":{\"a\":42}}]}";

        Reply produced = send(proxy, "POST", "/topics/" + topic, RestApi.AVRO, body);
        Reply subjects = TestHttp.to(registry.url()).get("/subjects");
        send(proxy, "POST", "/consumers/g-" + topic, RestApi.V2, "{\"name\":\"c\",\"format\":\"avro\"}");
        String instance = "/consumers/g-" + topic + "/instances/c";
        send(proxy, "POST", instance + "/subscription", RestApi.V2, "{\"topics\":[\"" + topic + "\"]}");
        String records = "[]";
        for (int i = 0; i < 10 && records.equals("[]"); i++) {
            records = send(proxy, "GET", instance + "/records?timeout=1000", RestApi.AVRO, null)
                    .body();
        }

        assertThat(produced.status()).as(produced.body()).isEqualTo(200);
        assertThat(subjects.body()).contains(topic + "-value");
        assertThat(records).contains("\"value\":{\"a\":42}");
        assertThat(registry.restPort()).isEmpty();
        assertThat(proxy.port()).isEqualTo(-1);
    }

    @Test
    void shouldServeBinaryWithoutARegistryAndRefuseSchemas() throws Exception {
        String topic = RestApi.createTopic("noregistry", 1);

        Reply binary = send(bare, "POST", "/topics/" + topic, RestApi.BINARY, "{\"records\":[{\"value\":\"YQ==\"}]}");
        Reply avro = send(
                bare,
                "POST",
                "/topics/" + topic,
                RestApi.AVRO,
                "{\"value_schema\":\"\\\"int\\\"\",\"records\":[{\"value\":1}]}");

        assertThat(binary.status()).isEqualTo(200);
        assertThat(avro.status()).isEqualTo(408);
        assertThat(avro.body()).contains("40801");
    }

    @Test
    void shouldServeMetricsOnTheProxysListenerWhenTheRegistryIsOff() throws Exception {
        // given
        assertThat(send(bare, "GET", "/topics", null, null).status()).isEqualTo(200);

        // when Prometheus scrapes the proxy's listener
        Reply scrape = send(
                bare,
                "GET",
                "/metrics",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
                null);

        // then
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{listener=\"rest-proxy\",method=\"GET\","
                        + "route=\"/topics\",status=\"200\"} 1")
                .contains("jvm_memory_used_bytes");
    }
}
