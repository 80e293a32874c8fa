package dev.castle.serdes.kafka;

import com.google.protobuf.Message;
import dev.castle.serdes.SchemaRegistryPort;
import org.apache.kafka.common.serialization.Serde;

/** {@link CastleProtobufSerializer} and {@link CastleProtobufDeserializer} as one {@link Serde}. */
public class CastleProtobufSerde<T extends Message>
        extends RegistrySerde<T, CastleProtobufSerializer<T>, CastleProtobufDeserializer<T>> {

    /** A serde whose registry and message class are named by its configuration. */
    public CastleProtobufSerde() {
        super(null, new CastleProtobufSerializer<>(), new CastleProtobufDeserializer<>());
    }

    /** A value serde using {@code registry} that reads into {@code type} (null: {@code DynamicMessage}). */
    public CastleProtobufSerde(SchemaRegistryPort registry, Class<T> type) {
        super(registry, new CastleProtobufSerializer<>(registry), new CastleProtobufDeserializer<>(registry, type));
    }
}
