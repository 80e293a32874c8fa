package dev.castle.serdes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import java.util.Optional;

/**
 * Between JSON values and Confluent-framed bytes, for the REST Proxy's embedded formats {@code avro},
 * {@code jsonschema} and {@code protobuf}. Schemas are fetched from the registry by id once and kept parsed.
 * Thread-safe.
 */
public final class JsonCodec {
    private final SchemaRegistryPort registry;

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
        throw new UnsupportedOperationException("not yet");
    }

    /** {@link #check} of the schema registered under {@code schemaId}; UNKNOWN_SCHEMA when there is none. */
    public Optional<String> recordName(int schemaId) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Writes {@code value} with the schema of {@code schemaId}, framed. JSON null is written as the Avro/Protobuf
     * encoding of null where the schema allows it.
     *
     * @throws SerdesException UNKNOWN_SCHEMA, INVALID_SCHEMA when the id's schema is not of type {@code type}, or
     *     DATA_MISMATCH when the value does not fit
     */
    public byte[] encode(SchemaType type, int schemaId, JsonNode value) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Reads framed bytes back as JSON.
     *
     * @throws SerdesException BAD_FRAME, UNKNOWN_SCHEMA, or INVALID_SCHEMA when the id's schema is not of {@code type}
     */
    public Decoded decode(SchemaType type, byte[] framed) {
        throw new UnsupportedOperationException("not yet");
    }
}
