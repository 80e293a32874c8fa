package dev.castle.serdes.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.serdes.SchemaRegistryPort;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link CastleJsonSchemaSerializer} and {@link CastleJsonSchemaDeserializer} as one {@link Serde}. */
public class CastleJsonSchemaSerde<T> implements Serde<T> {
    private final SchemaRegistryPort given;
    private final CastleJsonSchemaSerializer<T> serializer;
    private final CastleJsonSchemaDeserializer<T> deserializer;

    /** A serde whose registry, schema and target class are named by its configuration. */
    public CastleJsonSchemaSerde() {
        this.given = null;
        this.serializer = new CastleJsonSchemaSerializer<>();
        this.deserializer = new CastleJsonSchemaDeserializer<>();
    }

    /** A value serde using {@code registry}, writing with {@code schema} and reading into {@code type}. */
    public CastleJsonSchemaSerde(SchemaRegistryPort registry, String schema, Class<T> type) {
        this.given = registry;
        this.serializer = new CastleJsonSchemaSerializer<>(registry, schema, new ObjectMapper());
        this.deserializer = new CastleJsonSchemaDeserializer<>(registry, type);
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
