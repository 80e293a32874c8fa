package dev.castle.serdes.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.serdes.SchemaRegistryPort;
import org.apache.kafka.common.serialization.Serde;

/** {@link CastleJsonSchemaSerializer} and {@link CastleJsonSchemaDeserializer} as one {@link Serde}. */
public class CastleJsonSchemaSerde<T>
        extends RegistrySerde<T, CastleJsonSchemaSerializer<T>, CastleJsonSchemaDeserializer<T>> {

    /** A serde whose registry, schema and target class are named by its configuration. */
    public CastleJsonSchemaSerde() {
        super(null, new CastleJsonSchemaSerializer<>(), new CastleJsonSchemaDeserializer<>());
    }

    /** A value serde using {@code registry}, writing with {@code schema} and reading into {@code type}. */
    public CastleJsonSchemaSerde(SchemaRegistryPort registry, String schema, Class<T> type) {
        super(
                registry,
                new CastleJsonSchemaSerializer<>(registry, schema, new ObjectMapper()),
                new CastleJsonSchemaDeserializer<>(registry, type));
    }
}
