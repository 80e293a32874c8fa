package dev.castle.server.clients;

import dev.castle.server.Castle;
import dev.castle.server.TestNodes;
import dev.castle.testing.TestKafka;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real clients as judges of the REST Proxy, both ways, for Avro, JSON Schema and Protobuf: records produced through
 * the proxy are read from Kafka with the npm package {@code kafkajs} and decoded by {@code
 * @kafkajs/confluent-schema-registry} and {@code @confluentinc/schemaregistry}; records those clients encode are
 * consumed through the proxy. Any JSON that does not come out as it went in is a Castle bug.
 */
class NodeRestProxyIT {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);
    private static final String SCRIPT = "rest-proxy.mjs";

    private static Castle castle;
    private static NodeProject project;

    @BeforeAll
    static void start() {
        project = NodeProject.locate();
        project.install(INSTALL_TIMEOUT);
        castle = Castle.start(TestNodes.withRestProxy("node_rest_proxy"));
    }

    @AfterAll
    static void stop() {
        if (castle != null) {
            castle.close();
        }
    }

    @Test
    void shouldCarryEveryFormatBothWaysBetweenProxyAndNpmClients() {
        // given a live Castle serving the registry and the REST Proxy on one broker
        Map<String, String> env = Map.of(
                "CASTLE_URL",
                castle.url(),
                "CASTLE_REST_URL",
                "http://127.0.0.1:" + castle.restPort().orElseThrow(),
                "KAFKA_BOOTSTRAP",
                TestKafka.bootstrapServers());

        // when the script produces through the proxy and consumes what the clients wrote
        NodeProject.Run run = project.node(SCRIPT, env, SCRIPT_TIMEOUT);

        // then every step passes: the clients decode what the proxy wrote, the proxy answers what the clients wrote
        ScriptAssertions.assertEveryStepPasses(run, SCRIPT, "rest-proxy");
    }
}
