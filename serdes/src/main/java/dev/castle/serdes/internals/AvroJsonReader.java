package dev.castle.serdes.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.serdes.SerdesException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Avro's binary encoding read straight into JSON as the REST Proxy answers it: unions without tags, {@code bytes} and
 * {@code fixed} as base64, maps and records as objects, enums as their symbols. Lengths and counts are checked against
 * the payload's size before anything is allocated, so that corrupt or hostile bytes cannot exhaust memory.
 */
final class AvroJsonReader {
    /** Items of a type that may take no bytes at all (null, empty records): how many one array may hold. */
    private static final long MAX_EMPTY_ITEMS = 1 << 20;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final BinaryDecoder decoder;
    private final int size;

    private AvroJsonReader(BinaryDecoder decoder, int size) {
        this.decoder = decoder;
        this.size = size;
    }

    /** The value in {@code payload} (from its position to its limit) as JSON. */
    static JsonNode read(Schema schema, ByteBuffer payload) {
        int size = payload.remaining();
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(payload.array(), payload.arrayOffset() + payload.position(), size, null);
        try {
            return new AvroJsonReader(decoder, size).value(schema);
        } catch (IOException | AvroRuntimeException | IllegalArgumentException e) {
            throw badFrame(e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw badFrame("nested too deeply", null);
        }
    }

    private static SerdesException badFrame(String why, Throwable cause) {
        return new SerdesException(
                SerdesException.Kind.BAD_FRAME, "The bytes do not decode with their Avro schema: " + why, cause);
    }

    private JsonNode value(Schema schema) throws IOException {
        return switch (schema.getType()) {
            case NULL -> {
                decoder.readNull();
                yield NODES.nullNode();
            }
            case BOOLEAN -> NODES.booleanNode(decoder.readBoolean());
            case INT -> NODES.numberNode(decoder.readInt());
            case LONG -> NODES.numberNode(decoder.readLong());
            case FLOAT -> NODES.numberNode(decoder.readFloat());
            case DOUBLE -> NODES.numberNode(decoder.readDouble());
            case STRING -> NODES.textNode(new String(bytes(), StandardCharsets.UTF_8));
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes()));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(fixed(schema.getFixedSize())));
            case ENUM -> NODES.textNode(schema.getEnumSymbols().get(index(decoder.readEnum(), schema)));
            case ARRAY -> array(schema.getElementType());
            case MAP -> map(schema.getValueType());
            case RECORD -> record(schema);
            case UNION -> value(schema.getTypes().get(index(decoder.readIndex(), schema)));
        };
    }

    /** A length-prefixed byte string (Avro's bytes and string), its length checked against what is left. */
    private byte[] bytes() throws IOException {
        long length = decoder.readLong();
        if (length < 0 || length > size) {
            throw badFrame("invalid length " + length, null);
        }
        return fixed((int) length);
    }

    private byte[] fixed(int length) throws IOException {
        byte[] bytes = new byte[length];
        decoder.readFixed(bytes);
        return bytes;
    }

    private static int index(int index, Schema schema) {
        List<?> choices = schema.getType() == Schema.Type.ENUM ? schema.getEnumSymbols() : schema.getTypes();
        if (index < 0 || index >= choices.size()) {
            throw badFrame(
                    "index " + index + " out of range for " + schema.getType().getName(), null);
        }
        return index;
    }

    private JsonNode array(Schema items) throws IOException {
        ArrayNode array = NODES.arrayNode();
        long limit = mayBeEmpty(items) ? MAX_EMPTY_ITEMS : size;
        for (long block = decoder.readArrayStart(); block > 0; block = decoder.arrayNext()) {
            if (block > limit - array.size()) {
                throw badFrame("array of more items than the bytes can hold", null);
            }
            for (long i = 0; i < block; i++) {
                array.add(value(items));
            }
        }
        return array;
    }

    private JsonNode map(Schema values) throws IOException {
        ObjectNode map = NODES.objectNode();
        long read = 0;
        for (long block = decoder.readMapStart(); block > 0; block = decoder.mapNext()) {
            read += block;
            if (read > size) {
                throw badFrame("map of more entries than the bytes can hold", null);
            }
            for (long i = 0; i < block; i++) {
                String key = new String(bytes(), StandardCharsets.UTF_8);
                map.set(key, value(values));
            }
        }
        return map;
    }

    private JsonNode record(Schema schema) throws IOException {
        ObjectNode record = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
            record.set(field.name(), value(field.schema()));
        }
        return record;
    }

    /** Whether a value of this type may be encoded in no bytes; records are assumed to be able to. */
    private static boolean mayBeEmpty(Schema schema) {
        return switch (schema.getType()) {
            case NULL, RECORD -> true;
            case FIXED -> schema.getFixedSize() == 0;
            default -> false;
        };
    }
}
