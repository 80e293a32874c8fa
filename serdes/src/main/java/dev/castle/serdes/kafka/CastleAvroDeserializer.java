package dev.castle.serdes.kafka;

import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.WireFormat;
import dev.castle.serdes.internals.AvroCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro values in Confluent's wire format with the schema their id names: records as {@code GenericRecord} (or,
 * with {@code specific.avro.reader=true}, as the generated {@code SpecificRecord} class the schema names), strings as
 * {@code String}, bytes as {@code byte[]} and other primitives as their boxed types.
 */
public class CastleAvroDeserializer implements Deserializer<Object>, RegistrySerde.Part {
    private final SchemaRegistryPort given;
    private ParsedSchemas schemas;
    private boolean specific;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** A deserializer whose registry is named by {@code schema.registry.url} when it is configured. */
    public CastleAvroDeserializer() {
        this.given = null;
    }

    /** A deserializer with the default configuration, using {@code registry}; {@link #configure} may follow. */
    public CastleAvroDeserializer(SchemaRegistryPort registry) {
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
        this.specific = new SerdeConfig(configs, isKey).specificAvroReader();
        this.schemas = new ParsedSchemas(registry);
        this.readers.clear();
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (schemas == null) {
            throw new IllegalStateException("CastleAvroDeserializer used before configure()");
        }
        WireFormat.Framed framed = ParsedSchemas.frame(bytes);
        Schema writer = schemas.byId(framed.schemaId(), AvroCodec.class).schema();
        ByteBuffer payload = framed.payload();
        if (writer.getType() == Schema.Type.BYTES) {
            byte[] raw = new byte[payload.remaining()];
            payload.get(raw);
            return raw;
        }
        DatumReader<Object> reader = readers.computeIfAbsent(framed.schemaId(), id -> reader(writer));
        try {
            Object value = reader.read(
                    null,
                    DecoderFactory.get()
                            .binaryDecoder(
                                    payload.array(),
                                    payload.arrayOffset() + payload.position(),
                                    payload.remaining(),
                                    null));
            return writer.getType() == Schema.Type.STRING ? value.toString() : value;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException(
                    "Could not read the value with schema " + framed.schemaId() + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<Object> reader(Schema writer) {
        if (!specific) {
            return new GenericDatumReader<>(writer);
        }
        if (writer.getType() != Schema.Type.RECORD) {
            return new SpecificDatumReader<>(writer);
        }
        SpecificData data = new SpecificData(Thread.currentThread().getContextClassLoader());
        Class<?> type = data.getClass(writer);
        if (type == null) {
            throw new SerializationException("No class " + writer.getFullName() + " on the class path to read the"
                    + " record into; generate it, or set specific.avro.reader=false");
        }
        return new SpecificDatumReader<>(writer, data.getSchema(type), data);
    }
}
