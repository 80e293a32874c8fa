package dev.castle.serdes.kafka;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SerdesException;
import dev.castle.serdes.WireFormat;
import dev.castle.serdes.internals.ProtobufCodec;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Protobuf messages in Confluent's wire format: into the generated class given in code or by
 * {@code specific.protobuf.value.type} ({@code specific.protobuf.key.type} for keys), or else as a
 * {@link DynamicMessage} of the message the index path names in the schema of the id.
 */
public class CastleProtobufDeserializer<T extends Message> implements Deserializer<T>, RegistrySerde.Part {
    private final SchemaRegistryPort given;
    private final Class<T> givenType;
    private ParsedSchemas schemas;
    private Parser<?> parser;

    /** A deserializer whose registry and message class are named by its configuration. */
    public CastleProtobufDeserializer() {
        this(null, null);
    }

    /** A value deserializer using {@code registry} that reads into {@code type} (null: {@link DynamicMessage}). */
    public CastleProtobufDeserializer(SchemaRegistryPort registry, Class<T> type) {
        this.given = registry;
        this.givenType = type;
        if (registry != null) {
            configure(Map.of(), false, registry);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey, SchemaIds.registry(given, configs));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryPort registry) {
        SerdeConfig config = new SerdeConfig(configs, isKey);
        this.schemas = new ParsedSchemas(registry);
        Class<?> type = givenType != null ? givenType : config.specificProtobufType();
        this.parser = type == null ? null : parser(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (schemas == null) {
            throw new IllegalStateException("CastleProtobufDeserializer used before configure()");
        }
        WireFormat.Framed framed = ParsedSchemas.frame(bytes);
        ProtobufCodec codec = schemas.byId(framed.schemaId(), ProtobufCodec.class);
        ByteBuffer payload = framed.payload();
        try {
            List<Integer> indexes = WireFormat.readMessageIndexes(payload);
            if (parser != null) {
                return (T) parser.parseFrom(payload);
            }
            return (T) DynamicMessage.parseFrom(codec.message(indexes), CodedInputStream.newInstance(payload));
        } catch (SerdesException | IOException e) {
            throw new SerializationException(
                    "Could not read the message with schema " + framed.schemaId() + ": " + e.getMessage(), e);
        }
    }

    private static Parser<?> parser(Class<?> type) {
        try {
            return (Parser<?>) type.getMethod("parser").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new ConfigException(
                    SerdeConfig.SPECIFIC_PROTOBUF_VALUE_TYPE, type.getName(), "not a generated Protobuf message class");
        }
    }
}
