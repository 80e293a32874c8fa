package dev.castle.serdes.kafka;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.WireFormat;
import dev.castle.serdes.internals.ProtobufCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Protobuf messages (generated classes or {@code DynamicMessage}) in Confluent's wire format: magic byte,
 * schema id, the message's index path in its file, then the message's bytes. The schema is the message's .proto file;
 * its imports that are not well known are registered under subjects named by their import paths and referenced, as
 * Confluent's default reference subject name strategy does. The record-name strategies use the message's full name.
 */
public class CastleProtobufSerializer<T extends Message> implements Serializer<T>, RegistrySerde.Part {
    private final SchemaRegistryPort given;
    private SerdeConfig config;
    private SchemaIds ids;
    private ParsedSchemas parsed;
    private ProtobufSchemas schemas;

    /** A serializer whose registry is named by {@code schema.registry.url} when it is configured. */
    public CastleProtobufSerializer() {
        this.given = null;
    }

    /** A value serializer with the default configuration, using {@code registry}; {@link #configure} may follow. */
    public CastleProtobufSerializer(SchemaRegistryPort registry) {
        this.given = registry;
        configure(Map.of(), false, registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey, SchemaIds.registry(given, configs));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryPort registry) {
        this.config = new SerdeConfig(configs, isKey);
        this.ids = new SchemaIds(registry, config);
        this.parsed = new ParsedSchemas(registry);
        this.schemas = new ProtobufSchemas(ids);
    }

    @Override
    public byte[] serialize(String topic, T message) {
        if (message == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("CastleProtobufSerializer used before configure()");
        }
        Descriptor type = message.getDescriptorForType();
        RegisteredSchema own = schemas.schema(type.getFile());
        SchemaIds.Resolved resolved = ids.resolve(topic, own, Optional.of(type.getFullName()));
        List<Integer> indexes = resolved.schema().equals(own)
                ? ProtobufSchemas.indexes(type)
                : ProtobufSchemas.indexes(
                        parsed.byId(resolved.id(), ProtobufCodec.class).fileDescriptor(), type.getFullName());
        return WireFormat.frame(resolved.id(), indexes, message.toByteArray());
    }
}
