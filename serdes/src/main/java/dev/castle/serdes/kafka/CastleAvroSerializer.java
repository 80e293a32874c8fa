package dev.castle.serdes.kafka;

import dev.castle.domain.SchemaType;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.WireFormat;
import dev.castle.serdes.internals.AvroCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values in Confluent's wire format, byte for byte as Confluent's {@code KafkaAvroSerializer}: magic byte,
 * schema id, then the Avro binary encoding. The schema is the value's own: a {@code GenericRecord}'s or
 * {@code SpecificRecord}'s, or the primitive schema of a {@code Boolean}, {@code Integer}, {@code Long},
 * {@code Float}, {@code Double}, {@code CharSequence}, {@code byte[]} or {@code ByteBuffer}. Bytes are written raw,
 * without Avro's length prefix, as Confluent does. Null is written as null.
 */
public class CastleAvroSerializer implements Serializer<Object>, RegistrySerde.Part {
    private static final int CAPACITY = 1000;

    private final SchemaRegistryPort given;
    private SchemaIds ids;
    private SerdeConfig config;
    private ParsedSchemas parsed;
    /** Schema texts by schema, so a schema is printed once, not for every record. */
    private final Map<Schema, RegisteredSchema> texts = new ConcurrentHashMap<>();

    /** A serializer whose registry is named by {@code schema.registry.url} when it is configured. */
    public CastleAvroSerializer() {
        this.given = null;
    }

    /** A value serializer with the default configuration, using {@code registry}; {@link #configure} may follow. */
    public CastleAvroSerializer(SchemaRegistryPort registry) {
        this.given = registry;
        configure(Map.of(), false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey, SchemaIds.registry(given, configs));
    }

    /** Configures with a registry already chosen (a serde shares one between its halves). */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryPort registry) {
        this.config = new SerdeConfig(configs, isKey);
        this.ids = new SchemaIds(registry, config);
        this.parsed = new ParsedSchemas(registry);
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (ids == null) {
            throw new IllegalStateException("CastleAvroSerializer used before configure()");
        }
        Schema own = schemaOf(value);
        SchemaIds.Resolved resolved = ids.resolve(topic, text(own), recordName(own));
        Schema writer = resolved.schema().equals(text(own)) ? own : latest(resolved.id(), own);
        return write(resolved.id(), writer, value);
    }

    /** The subject's latest schema to write with; with strict checking it must be able to read the value's own. */
    private Schema latest(int id, Schema own) {
        Schema latest = parsed.byId(id, AvroCodec.class).schema();
        if (config.latestCompatibilityStrict()
                && SchemaCompatibility.checkReaderWriterCompatibility(latest, own)
                                .getType()
                        != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("The latest schema (id " + id + ") cannot read values of "
                    + own.getFullName() + "; set latest.compatibility.strict=false to write with it anyway");
        }
        return latest;
    }

    private RegisteredSchema text(Schema schema) {
        RegisteredSchema text = texts.get(schema);
        if (text == null) {
            text = RegisteredSchema.of(SchemaType.AVRO, schema.toString());
            if (texts.size() >= CAPACITY) {
                texts.clear();
            }
            texts.put(schema, text);
        }
        return text;
    }

    private static byte[] write(int id, Schema schema, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(WireFormat.MAGIC);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            if (schema.getType() == Schema.Type.BYTES) {
                out.writeBytes(bytes(value));
            } else {
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
                writer(schema, value).write(value, encoder);
                encoder.flush();
            }
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Could not write the value with schema " + id + ": " + e, e);
        }
        return out.toByteArray();
    }

    private static DatumWriter<Object> writer(Schema schema, Object value) {
        return value instanceof SpecificRecord ? new SpecificDatumWriter<>(schema) : new GenericDatumWriter<>(schema);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        throw new SerializationException("A bytes schema needs byte[] or ByteBuffer, not " + value.getClass());
    }

    /** The schema of a value, as Confluent's serializer finds it. */
    static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type;
        if (value instanceof Boolean) {
            type = Schema.Type.BOOLEAN;
        } else if (value instanceof Integer) {
            type = Schema.Type.INT;
        } else if (value instanceof Long) {
            type = Schema.Type.LONG;
        } else if (value instanceof Float) {
            type = Schema.Type.FLOAT;
        } else if (value instanceof Double) {
            type = Schema.Type.DOUBLE;
        } else if (value instanceof CharSequence) {
            type = Schema.Type.STRING;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            type = Schema.Type.BYTES;
        } else {
            throw new SerializationException(
                    "Unsupported Avro type " + value.getClass().getName() + ": write a"
                            + " GenericRecord, a SpecificRecord, Boolean, Integer, Long, Float, Double, String or byte[]");
        }
        return Schema.create(type);
    }

    /** The full name of a record, enum or fixed, which the record-name strategies use. */
    static Optional<String> recordName(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> Optional.of(schema.getFullName());
            default -> Optional.empty();
        };
    }
}
