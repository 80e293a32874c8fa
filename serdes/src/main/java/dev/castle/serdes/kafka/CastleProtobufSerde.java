package dev.castle.serdes.kafka;

import com.google.protobuf.Message;
import dev.castle.serdes.SchemaRegistryPort;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link CastleProtobufSerializer} and {@link CastleProtobufDeserializer} as one {@link Serde}. */
public class CastleProtobufSerde<T extends Message> implements Serde<T> {
    private final SchemaRegistryPort given;
    private final CastleProtobufSerializer<T> serializer;
    private final CastleProtobufDeserializer<T> deserializer;

    /** A serde whose registry and message class are named by its configuration. */
    public CastleProtobufSerde() {
        this.given = null;
        this.serializer = new CastleProtobufSerializer<>();
        this.deserializer = new CastleProtobufDeserializer<>();
    }

    /** A value serde using {@code registry} that reads into {@code type} (null: {@code DynamicMessage}). */
    public CastleProtobufSerde(SchemaRegistryPort registry, Class<T> type) {
        this.given = registry;
        this.serializer = new CastleProtobufSerializer<>(registry);
        this.deserializer = new CastleProtobufDeserializer<>(registry, type);
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
