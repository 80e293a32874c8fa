package dev.castle.serdes.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * JSON as the REST Proxy receives it, turned into an Avro generic datum.
 *
 * <p>Unions take plain JSON (the branch is the first, in schema order, that the value fits) and, failing that, Avro
 * JSON's tagged form {@code {"string": "x"}}, tagged with a branch's full name or, for named types, its short name;
 * Karapace accepts both the same way.
 *
 * <p>{@code bytes} and {@code fixed} take base64 strings. Karapace's proxy rejects JSON for them altogether (its Avro
 * writer wants Python bytes) and Confluent's reads Avro JSON's ISO-8859-1 strings; base64 is what every proxy answers
 * on consume, so a consumed record can be produced again unchanged.
 *
 * <p>A missing record field takes its default, or null when its type allows null. Keys the record does not declare
 * are ignored, as Karapace does.
 */
final class AvroDatums {
    private AvroDatums() {}

    /** Why a JSON value does not fit a schema. Thrown often while trying union branches, so it has no stack trace. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    static Object toDatum(Schema schema, JsonNode node) throws Mismatch {
        JsonNode value = node == null ? NullNode.getInstance() : node;
        return switch (schema.getType()) {
            case NULL -> expect(value.isNull(), null, schema, value);
            case BOOLEAN -> expect(value.isBoolean(), value.booleanValue(), schema, value);
            case INT -> expect(value.isIntegralNumber() && value.canConvertToInt(), value.intValue(), schema, value);
            case LONG -> expect(value.isIntegralNumber() && value.canConvertToLong(), value.longValue(), schema, value);
            case FLOAT -> expect(value.isNumber(), value.floatValue(), schema, value);
            case DOUBLE -> expect(value.isNumber(), value.doubleValue(), schema, value);
            case STRING -> expect(value.isTextual(), value.textValue(), schema, value);
            case BYTES -> ByteBuffer.wrap(base64(schema, value));
            case FIXED -> fixed(schema, value);
            case ENUM -> enumSymbol(schema, value);
            case ARRAY -> array(schema, value);
            case MAP -> map(schema, value);
            case RECORD -> record(schema, value);
            case UNION -> union(schema, value);
        };
    }

    private static Object expect(boolean fits, Object datum, Schema schema, JsonNode value) throws Mismatch {
        if (!fits) {
            throw mismatch(schema, value);
        }
        return datum;
    }

    private static Mismatch mismatch(Schema schema, JsonNode value) {
        return new Mismatch("expected " + schema.getType().getName() + ", found " + abbreviate(value));
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static byte[] base64(Schema schema, JsonNode value) throws Mismatch {
        if (!value.isTextual()) {
            throw mismatch(schema, value);
        }
        try {
            return Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw new Mismatch("expected base64 for " + schema.getType().getName() + ", found " + abbreviate(value));
        }
    }

    private static Object fixed(Schema schema, JsonNode value) throws Mismatch {
        byte[] bytes = base64(schema, value);
        if (bytes.length != schema.getFixedSize()) {
            throw new Mismatch("expected " + schema.getFixedSize() + " bytes for fixed " + schema.getFullName()
                    + ", found " + bytes.length);
        }
        return new GenericData.Fixed(schema, bytes);
    }

    private static Object enumSymbol(Schema schema, JsonNode value) throws Mismatch {
        if (!value.isTextual() || !schema.hasEnumSymbol(value.textValue())) {
            throw new Mismatch("expected a symbol of enum " + schema.getFullName() + ", found " + abbreviate(value));
        }
        return new GenericData.EnumSymbol(schema, value.textValue());
    }

    private static Object array(Schema schema, JsonNode value) throws Mismatch {
        if (!value.isArray()) {
            throw mismatch(schema, value);
        }
        List<Object> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(at("[" + i + "]", schema.getElementType(), value.get(i)));
        }
        return items;
    }

    private static Object map(Schema schema, JsonNode value) throws Mismatch {
        if (!value.isObject()) {
            throw mismatch(schema, value);
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            entries.put(entry.getKey(), at("." + entry.getKey(), schema.getValueType(), entry.getValue()));
        }
        return entries;
    }

    private static Object record(Schema schema, JsonNode value) throws Mismatch {
        if (!value.isObject()) {
            throw new Mismatch("expected record " + schema.getFullName() + ", found " + abbreviate(value));
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            JsonNode fieldValue = value.get(field.name());
            if (fieldValue == null && field.hasDefaultValue()) {
                record.put(field.pos(), GenericData.get().getDefaultValue(field));
            } else {
                record.put(field.pos(), at("." + field.name(), field.schema(), fieldValue));
            }
        }
        return record;
    }

    private static Object union(Schema schema, JsonNode value) throws Mismatch {
        for (Schema branch : schema.getTypes()) {
            try {
                return toDatum(branch, value);
            } catch (Mismatch ignored) {
                // the next branch may fit
            }
        }
        if (value.isObject() && value.size() == 1) {
            Map.Entry<String, JsonNode> tag = value.fields().next();
            Schema branch = branchNamed(schema, tag.getKey());
            if (branch != null) {
                return at("." + tag.getKey(), branch, tag.getValue());
            }
        }
        List<String> names = new ArrayList<>();
        schema.getTypes().forEach(branch -> names.add(branch.getFullName()));
        throw new Mismatch("no branch of union " + names + " fits " + abbreviate(value));
    }

    private static Schema branchNamed(Schema union, String name) {
        Integer index = union.getIndexNamed(name);
        if (index != null) {
            return union.getTypes().get(index);
        }
        for (Schema branch : union.getTypes()) {
            if (name.equals(branch.getName())) {
                return branch;
            }
        }
        return null;
    }

    /** {@link #toDatum} of a nested value, naming where it sits when it does not fit. */
    private static Object at(String where, Schema schema, JsonNode value) throws Mismatch {
        try {
            return toDatum(schema, value);
        } catch (Mismatch e) {
            String message = e.getMessage();
            throw new Mismatch(
                    message.startsWith("at ") ? "at " + where + message.substring(3) : "at " + where + ": " + message);
        }
    }
}
