package dev.castle.serdes.kafka;

import dev.castle.serdes.SchemaRegistryPort;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serializer and a deserializer of one format as one {@link Serde}, configured together on one registry: the one
 * given in code, else the one {@code schema.registry.url} names.
 */
abstract class RegistrySerde<
                T, S extends Serializer<T> & RegistrySerde.Part, D extends Deserializer<T> & RegistrySerde.Part>
        implements Serde<T> {
    /** What a serializer or deserializer of this package is configured with. */
    interface Part {
        void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryPort registry);
    }

    private final SchemaRegistryPort given;
    private final S serializer;
    private final D deserializer;

    RegistrySerde(SchemaRegistryPort given, S serializer, D deserializer) {
        this.given = given;
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryPort registry = SchemaIds.registry(given, configs);
        serializer.configure(configs, isKey, registry);
        deserializer.configure(configs, isKey, registry);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
