package dev.castle.topology;

import dev.castle.topology.internals.FoldProcessor;
import dev.castle.topology.internals.RegistryStoreBuilder;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.Topology;

/** The global-only topology: one global store sourced from {@code _schemas}, folded by one processor (DESIGN §4). */
public final class RegistryTopology {
    /** The name of the registry store, for {@code KafkaStreams#store} and {@code TopologyTestDriver#getStateStore}. */
    public static final String STORE_NAME = "castle-registry";

    private static final String SOURCE_NAME = "castle-schemas-source";
    private static final String PROCESSOR_NAME = "castle-registry-fold";

    private RegistryTopology() {}

    public static Topology build(String topic) {
        Topology topology = new Topology();
        topology.addGlobalStore(
                new RegistryStoreBuilder(STORE_NAME),
                SOURCE_NAME,
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer(),
                topic,
                PROCESSOR_NAME,
                () -> new FoldProcessor(STORE_NAME));
        return topology;
    }
}
