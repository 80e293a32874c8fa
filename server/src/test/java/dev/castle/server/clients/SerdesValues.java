package dev.castle.server.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * The plain JSON the npm side speaks ({@code clients/node/codecs.mjs}: Avro bytes as base64, Protobuf with the
 * .proto's field names, every field shown, enums by name and 64-bit integers as numbers), turned into the values
 * Castle's serializers take and made of the values its deserializers give. Independent of Castle's own JSON codecs,
 * so that they do not judge themselves.
 */
final class SerdesValues {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SerdesValues() {}

    /** A JSON tree of plain Java values (maps, lists, strings, numbers), typed as if parsed from text. */
    static JsonNode tree(Object plain) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(plain));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + plain, e);
        }
    }

    /** The record of {@code schema} the JSON describes; a union takes its first branch that is not null. */
    static GenericRecord avroRecord(Schema schema, JsonNode json) {
        return (GenericRecord) avroDatum(schema, json);
    }

    private static Object avroDatum(Schema schema, JsonNode json) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                schema.getFields().forEach(f -> record.put(f.name(), avroDatum(f.schema(), json.get(f.name()))));
                yield record;
            }
            case UNION -> json == null || json.isNull()
                    ? null
                    : avroDatum(
                            schema.getTypes().stream()
                                    .filter(t -> t.getType() != Schema.Type.NULL)
                                    .findFirst()
                                    .orElseThrow(),
                            json);
            case ENUM -> new GenericData.EnumSymbol(schema, json.asText());
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                json.forEach(item -> items.add(avroDatum(schema.getElementType(), item)));
                yield new GenericData.Array<>(schema, items);
            }
            case MAP -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                json.fields()
                        .forEachRemaining(e -> entries.put(e.getKey(), avroDatum(schema.getValueType(), e.getValue())));
                yield entries;
            }
            case BYTES -> ByteBuffer.wrap(Base64.getDecoder().decode(json.asText()));
            case STRING -> json.asText();
            case INT -> json.intValue();
            case LONG -> json.longValue();
            case FLOAT -> json.floatValue();
            case DOUBLE -> json.doubleValue();
            case BOOLEAN -> json.booleanValue();
            case NULL -> null;
            case FIXED -> throw new IllegalArgumentException("no fixed in the judged schemas");
        };
    }

    /** An Avro datum as plain Java values: records and maps as maps, bytes as base64, strings and enums as text. */
    static Object avroPlain(Object datum) {
        if (datum instanceof IndexedRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            record.getSchema().getFields().forEach(f -> fields.put(f.name(), avroPlain(record.get(f.pos()))));
            return fields;
        }
        if (datum instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(k.toString(), avroPlain(v)));
            return entries;
        }
        if (datum instanceof Collection<?> items) {
            return items.stream().map(SerdesValues::avroPlain).toList();
        }
        if (datum instanceof ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            return Base64.getEncoder().encodeToString(copy);
        }
        if (datum instanceof CharSequence || datum instanceof GenericData.EnumSymbol) {
            return datum.toString();
        }
        return datum;
    }

    /** The message of {@code type} the JSON describes, parsed by protobuf's own {@link JsonFormat}. */
    static DynamicMessage protobufMessage(Descriptor type, JsonNode json) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        try {
            JsonFormat.parser().merge(json.toString(), builder);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a " + type.getFullName() + ": " + json, e);
        }
        return builder.build();
    }

    /** A message as plain Java values by field access: every field by its .proto name, unset ones at their default. */
    static Map<String, Object> protobufPlain(Message message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            Object value = message.getField(field);
            fields.put(
                    field.getName(),
                    field.isRepeated()
                            ? ((List<?>) value)
                                    .stream().map(SerdesValues::protobufValue).toList()
                            : protobufValue(value));
        }
        return fields;
    }

    private static Object protobufValue(Object value) {
        if (value instanceof Message message) {
            return protobufPlain(message);
        }
        if (value instanceof EnumValueDescriptor symbol) {
            return symbol.getName();
        }
        if (value instanceof ByteString bytes) {
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }
        return value;
    }
}
