package dev.castle.serdes.internals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.SerdesException;
import dev.castle.serdes.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Avro: JSON to a generic datum ({@link AvroDatums}) written in Avro's binary encoding; binary read straight back to
 * JSON ({@link AvroJsonReader}). Logical types travel as their underlying types.
 */
public final class AvroCodec implements Codec {
    private final Schema schema;
    private final GenericDatumWriter<Object> writer;

    private AvroCodec(Schema schema) {
        this.schema = schema;
        this.writer = new GenericDatumWriter<>(schema, GenericData.get());
    }

    /** Parses {@code text} after the named types of its references, without checking defaults (stored schemas). */
    static AvroCodec parse(String text, Map<String, String> references) {
        try {
            Schema.Parser parser = new Schema.Parser().setValidateDefaults(false);
            Set<String> parsed = new HashSet<>();
            for (String reference : references.values()) {
                // two names may lead to the same schema; Avro refuses to define a named type twice
                if (parsed.add(reference)) {
                    parser.parse(reference);
                }
            }
            return new AvroCodec(parser.parse(text));
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            throw new SerdesException(SerdesException.Kind.INVALID_SCHEMA, "Invalid Avro schema: " + e.getMessage(), e);
        }
    }

    /** The parsed schema, its references' named types resolved. */
    public Schema schema() {
        return schema;
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    /** The full name of a record, enum or fixed; empty for primitives, arrays, maps and unions. */
    @Override
    public Optional<String> recordName() {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> Optional.of(schema.getFullName());
            default -> Optional.empty();
        };
    }

    @Override
    public byte[] encode(int schemaId, JsonNode value) {
        Object datum;
        try {
            datum = AvroDatums.toDatum(schema, value);
        } catch (AvroDatums.Mismatch e) {
            throw new SerdesException(
                    SerdesException.Kind.DATA_MISMATCH, "Object does not fit to stored schema: " + e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerdesException(
                    SerdesException.Kind.DATA_MISMATCH, "Object does not fit to stored schema: " + e.getMessage(), e);
        }
        return WireFormat.frame(schemaId, out.toByteArray());
    }

    @Override
    public JsonNode decode(ByteBuffer payload) {
        return AvroJsonReader.read(schema, payload);
    }
}
