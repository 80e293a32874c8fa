package dev.castle.server.clients;

import dev.castle.server.Castle;
import dev.castle.server.TestNodes;
import dev.castle.testing.TestKafka;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real clients as judges of the REST Proxy, both ways, for Avro, JSON Schema and Protobuf: records produced through
 * the proxy are read from Kafka with the npm package {@code kafkajs} and decoded by {@code
 * @kafkajs/confluent-schema-registry} and {@code @confluentinc/schemaregistry}; records those clients encode are
 * consumed through the proxy. Any JSON that does not come out as it went in is a Castle bug.
 */
class NodeRestProxyIT {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);
    private static final String SCRIPT = "rest-proxy.mjs";

    @RegisterExtension
    static final LiveNodeAndNpm LIVE = LiveNodeAndNpm.with(() -> TestNodes.withRestProxy("node_rest_proxy"));

    @Test
    void shouldCarryEveryFormatBothWaysBetweenProxyAndNpmClients() {
        // given a live Castle serving the registry and the REST Proxy on one broker
        Castle castle = LIVE.castle();
        Map<String, String> env = Map.of(
                "CASTLE_URL",
                castle.url(),
                "CASTLE_REST_URL",
                "http://127.0.0.1:" + castle.restPort().orElseThrow(),
                "KAFKA_BOOTSTRAP",
                TestKafka.bootstrapServers());

        // when the script produces through the proxy and consumes what the clients wrote
        NodeProject.Run run = LIVE.project().node(SCRIPT, env, SCRIPT_TIMEOUT);

        // then every step passes: the clients decode what the proxy wrote, the proxy answers what the clients wrote
        ScriptAssertions.assertEveryStepPasses(run, SCRIPT, "rest-proxy");
    }
}
