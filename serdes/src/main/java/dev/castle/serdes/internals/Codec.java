package dev.castle.serdes.internals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SerdesException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed schema with what it takes to write JSON values as framed bytes and read them back. Immutable and
 * thread-safe: built once per schema id and shared.
 */
public sealed interface Codec permits AvroCodec, JsonSchemaCodec, ProtobufCodec {

    /**
     * Parses {@code schema} with the texts of its references (name to text, dependencies first).
     *
     * @throws SerdesException INVALID_SCHEMA when it does not parse
     */
    static Codec parse(RegisteredSchema schema, Map<String, String> references) {
        if (schema.schema() == null || schema.schema().isBlank()) {
            throw new SerdesException(SerdesException.Kind.INVALID_SCHEMA, "Empty schema");
        }
        return switch (schema.type()) {
            case AVRO -> AvroCodec.parse(schema.schema(), references);
            case JSON -> JsonSchemaCodec.parse(schema.schema(), references);
            case PROTOBUF -> ProtobufCodec.parse(schema.schema(), references);
        };
    }

    SchemaType type();

    /** The name the record-name subject strategies use; empty when the schema has none. */
    Optional<String> recordName();

    /**
     * {@code value} written with this schema and framed with {@code schemaId}.
     *
     * @throws SerdesException DATA_MISMATCH when the value does not fit the schema
     */
    byte[] encode(int schemaId, JsonNode value);

    /**
     * The value held by {@code payload} (what follows the 5-byte header) as JSON.
     *
     * @throws SerdesException BAD_FRAME when the payload does not decode with this schema
     */
    JsonNode decode(ByteBuffer payload);
}
