package dev.castle.rest.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.castle.rest.http.EmbeddedFormat;
import dev.castle.rest.http.Json;
import dev.castle.rest.http.RestException;
import dev.castle.serdes.JsonCodec;
import dev.castle.serdes.SerdesException;
import java.io.IOException;
import java.util.Base64;

/**
 * A record's key and value as a consumer of one embedded format reads them (spec kafka-rest-api §3.5): base64 for
 * binary, the JSON itself for json, the schema's JSON for the three schema formats. An empty or null key or value is
 * {@code null}. An Avro or Protobuf key that does not decode comes back as base64; any other failure is 422.
 */
final class RecordDecoder {
    private final EmbeddedFormat format;
    private final JsonCodec codec;

    RecordDecoder(EmbeddedFormat format, JsonCodec codec) {
        this.format = format;
        this.codec = codec;
    }

    JsonNode key(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return decode(bytes);
        } catch (DecodeFailure e) {
            if (format == EmbeddedFormat.AVRO || format == EmbeddedFormat.PROTOBUF) {
                return base64(bytes);
            }
            throw failure("key", e);
        }
    }

    JsonNode value(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return decode(bytes);
        } catch (DecodeFailure e) {
            throw failure("value", e);
        }
    }

    private JsonNode decode(byte[] bytes) {
        switch (format) {
            case BINARY:
                return base64(bytes);
            case JSON:
                try {
                    return Json.read(bytes);
                } catch (IOException e) {
                    throw new DecodeFailure(e.getMessage());
                }
            default:
                try {
                    return codec.decode(format.schemaType(), bytes).value();
                } catch (SerdesException e) {
                    throw new DecodeFailure(e.getMessage());
                }
        }
    }

    private static JsonNode base64(byte[] bytes) {
        return JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(bytes));
    }

    private RestException failure(String part, DecodeFailure e) {
        return RestException.of(
                422, part + " deserialization error for format " + format.wireName() + ": " + e.getMessage());
    }

    private static final class DecodeFailure extends RuntimeException {
        DecodeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
