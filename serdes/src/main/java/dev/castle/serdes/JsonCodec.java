package dev.castle.serdes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaType;
import dev.castle.domain.format.SchemaFormats;
import dev.castle.domain.format.SchemaParseException;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.internals.Codec;
import dev.castle.serdes.internals.References;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Between JSON values and Confluent-framed bytes, for the REST Proxy's embedded formats {@code avro},
 * {@code jsonschema} and {@code protobuf}. Schemas are fetched from the registry by id once and kept parsed.
 * Thread-safe.
 */
public final class JsonCodec {
    private final SchemaRegistryPort registry;
    private final SchemaFormats formats = SchemaFormats.standard();
    /** Parsed schemas by id; the schema of an id never changes, so an entry never goes stale. */
    private final Map<Integer, Codec> codecs = new ConcurrentHashMap<>();

    public JsonCodec(SchemaRegistryPort registry) {
        this.registry = registry;
    }

    /** A value read back: the id it was written with and the value as JSON. */
    public record Decoded(int schemaId, JsonNode value) {}

    /**
     * Checks that {@code schema} parses (its references resolved through the registry) and answers the name the
     * record-name strategies use: Avro's full name of a named type, JSON Schema's {@code title}, the first Protobuf
     * message's full name; empty when it has none.
     *
     * @throws SerdesException of kind INVALID_SCHEMA when it does not parse
     */
    public Optional<String> check(RegisteredSchema schema) {
        Map<String, String> references = References.resolve(registry, schema);
        try {
            // the registry's own rules first, so that the proxy refuses exactly what the registry would
            formats.of(schema.type()).parse(schema.schema(), references, true);
        } catch (SchemaParseException | RegistryException e) {
            throw new SerdesException(SerdesException.Kind.INVALID_SCHEMA, e.getMessage(), e);
        }
        return Codec.parse(schema, references).recordName();
    }

    /** {@link #check} of the schema registered under {@code schemaId}; UNKNOWN_SCHEMA when there is none. */
    public Optional<String> recordName(int schemaId) {
        return codec(schemaId).recordName();
    }

    /**
     * Writes {@code value} with the schema of {@code schemaId}, framed. JSON null is written as the Avro/Protobuf
     * encoding of null where the schema allows it.
     *
     * @throws SerdesException UNKNOWN_SCHEMA, INVALID_SCHEMA when the id's schema is not of type {@code type}, or
     *     DATA_MISMATCH when the value does not fit
     */
    public byte[] encode(SchemaType type, int schemaId, JsonNode value) {
        return codec(type, schemaId).encode(schemaId, value);
    }

    /**
     * Reads framed bytes back as JSON.
     *
     * @throws SerdesException BAD_FRAME, UNKNOWN_SCHEMA, or INVALID_SCHEMA when the id's schema is not of {@code type}
     */
    public Decoded decode(SchemaType type, byte[] framed) {
        WireFormat.Framed header = WireFormat.read(framed);
        JsonNode value = codec(type, header.schemaId()).decode(header.payload());
        return new Decoded(header.schemaId(), value);
    }

    private Codec codec(SchemaType type, int schemaId) {
        Codec codec = codec(schemaId);
        if (codec.type() != type) {
            throw new SerdesException(
                    SerdesException.Kind.INVALID_SCHEMA,
                    "Schema " + schemaId + " is of type " + codec.type() + ", not " + type);
        }
        return codec;
    }

    /** The parsed schema of an id, parsed on first use; two threads may both parse it, one result is kept. */
    private Codec codec(int schemaId) {
        Codec codec = codecs.get(schemaId);
        if (codec != null) {
            return codec;
        }
        RegisteredSchema schema = registry.schemaById(schemaId)
                .orElseThrow(() ->
                        new SerdesException(SerdesException.Kind.UNKNOWN_SCHEMA, "Schema " + schemaId + " not found"));
        Codec parsed = Codec.parse(schema, References.resolve(registry, schema));
        Codec earlier = codecs.putIfAbsent(schemaId, parsed);
        return earlier == null ? parsed : earlier;
    }
}
