package dev.castle.serdes.kafka;

import dev.castle.serdes.RegistryPortException;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SerdesException;
import dev.castle.serdes.WireFormat;
import dev.castle.serdes.internals.Codec;
import dev.castle.serdes.internals.References;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The deserializers' half of the registry: the schema of an id, fetched once with its references and kept parsed
 * (an id never changes its schema). Thread-safe.
 */
final class ParsedSchemas {
    private static final int CAPACITY = 1000;

    private final SchemaRegistryPort registry;
    private final Map<Integer, Codec> codecs = new ConcurrentHashMap<>();

    ParsedSchemas(SchemaRegistryPort registry) {
        this.registry = registry;
    }

    /**
     * The parsed schema of {@code id}, which must be of {@code type}.
     *
     * @throws SerializationException when there is no such schema, it is of another format, or it does not parse
     */
    <C extends Codec> C byId(int id, Class<C> type) {
        Codec codec = codecs.get(id);
        if (codec == null) {
            codec = parse(id);
            if (codecs.size() >= CAPACITY) {
                codecs.clear();
            }
            codecs.put(id, codec);
        }
        if (!type.isInstance(codec)) {
            throw new SerializationException(
                    "Schema " + id + " is a " + codec.type() + " schema, not what this " + "deserializer reads");
        }
        return type.cast(codec);
    }

    /** The header of Confluent's wire format. */
    static WireFormat.Framed frame(byte[] bytes) {
        try {
            return WireFormat.read(bytes);
        } catch (SerdesException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }

    private Codec parse(int id) {
        try {
            RegisteredSchema schema = registry.schemaById(id)
                    .orElseThrow(() -> new SerializationException("Schema " + id + " not found in the registry"));
            return Codec.parse(schema, References.resolve(registry, schema));
        } catch (RegistryPortException e) {
            throw new SerializationException("Could not fetch schema " + id + ": " + e.getMessage(), e);
        } catch (SerdesException e) {
            throw new SerializationException("Schema " + id + " cannot be used: " + e.getMessage(), e);
        }
    }
}
