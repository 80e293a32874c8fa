package dev.castle.serdes.kafka;

import dev.castle.serdes.SchemaRegistryPort;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link CastleAvroSerializer} and {@link CastleAvroDeserializer} as one {@link Serde}, configured together. */
public class CastleAvroSerde implements Serde<Object> {
    private final SchemaRegistryPort given;
    private final CastleAvroSerializer serializer;
    private final CastleAvroDeserializer deserializer;

    /** A serde whose registry is named by {@code schema.registry.url} when it is configured. */
    public CastleAvroSerde() {
        this.given = null;
        this.serializer = new CastleAvroSerializer();
        this.deserializer = new CastleAvroDeserializer();
    }

    /** A value serde with the default configuration, using {@code registry}; {@link #configure} may follow. */
    public CastleAvroSerde(SchemaRegistryPort registry) {
        this.given = registry;
        this.serializer = new CastleAvroSerializer(registry);
        this.deserializer = new CastleAvroDeserializer(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryPort registry = SchemaIds.registry(given, configs);
        serializer.configure(configs, isKey, registry);
        deserializer.configure(configs, isKey, registry);
    }

    @Override
    public Serializer<Object> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<Object> deserializer() {
        return deserializer;
    }
}
