package dev.castle.server.clients;

import dev.castle.server.TestNodes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real clients as judges (issue 3): the npm packages {@code @kafkajs/confluent-schema-registry} and
 * {@code @confluentinc/schemaregistry}, written against Confluent's server, register, look up, check compatibility
 * and serialize Avro, JSON Schema and Protobuf against a live Castle. A failing client step is a Castle bug.
 */
class NodeClientsIT {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final LiveNodeAndNpm LIVE = LiveNodeAndNpm.with(() -> TestNodes.registry("node_clients"));

    @Test
    void shouldPassEveryStepOfKafkajsClient() {
        assertEveryStepPasses("kafkajs.mjs", "@kafkajs/confluent-schema-registry");
    }

    @Test
    void shouldPassEveryStepOfConfluentClient() {
        assertEveryStepPasses("confluent.mjs", "@confluentinc/schemaregistry");
    }

    private static void assertEveryStepPasses(String script, String client) {
        // given a live Castle; when the client script runs against it
        NodeProject.Run run =
                LIVE.project().node(script, Map.of("CASTLE_URL", LIVE.castle().url()), SCRIPT_TIMEOUT);

        // then it reports a summary with no failed step and exits cleanly
        ScriptAssertions.assertEveryStepPasses(run, script, client);
    }
}
