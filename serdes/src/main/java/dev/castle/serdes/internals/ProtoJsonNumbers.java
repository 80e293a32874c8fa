package dev.castle.serdes.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns the quoted 64-bit integers of protobuf's JSON mapping ({@code "id": "12"}) back into numbers, as Karapace
 * answers them and as users send them. Well-known types ({@code google.protobuf.*}) keep their own JSON forms.
 */
final class ProtoJsonNumbers {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtoJsonNumbers() {}

    /** Rewrites, in place, the 64-bit integer fields of {@code object}, a printed message of {@code type}. */
    static void unquote(Descriptor type, ObjectNode object) {
        for (FieldDescriptor field : type.getFields()) {
            JsonNode value = object.get(field.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.isMapField() && value.isObject()) {
                FieldDescriptor values = field.getMessageType().findFieldByName("value");
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    entry.setValue(convert(values, entry.getValue()));
                }
            } else if (field.isRepeated() && value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, convert(field, array.get(i)));
                }
            } else {
                object.set(field.getName(), convert(field, value));
            }
        }
    }

    private static JsonNode convert(FieldDescriptor field, JsonNode value) {
        if (field.getJavaType() == FieldDescriptor.JavaType.LONG && value.isTextual()) {
            BigInteger number = new BigInteger(value.textValue());
            return number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && value.isObject()
                && !field.getMessageType().getFile().getPackage().equals("google.protobuf")) {
            unquote(field.getMessageType(), (ObjectNode) value);
        }
        return value;
    }
}
