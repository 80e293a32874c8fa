package dev.castle.domain.format.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.JacksonUtils;

/**
 * Writes an Avro schema in normalized form (spec §8.2): every named type by its full name, defined once and referred to
 * by name afterwards, with aliases and custom properties sorted so that property order in the input does not matter.
 */
final class AvroNormalizer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Set<String> defined;

    private AvroNormalizer(Set<String> known) {
        this.defined = new HashSet<>(known);
    }

    /** The normalized JSON text; {@code known} names types defined by references, which are written by name. */
    static String normalize(Schema schema, Set<String> known) {
        return new AvroNormalizer(known).write(schema).toString();
    }

    private JsonNode write(Schema schema) {
        switch (schema.getType()) {
            case UNION:
                ArrayNode branches = JSON.arrayNode();
                schema.getTypes().forEach(branch -> branches.add(write(branch)));
                return branches;
            case ARRAY:
                return withProps(typed(schema).set("items", write(schema.getElementType())), schema.getObjectProps());
            case MAP:
                return withProps(typed(schema).set("values", write(schema.getValueType())), schema.getObjectProps());
            case RECORD:
            case ENUM:
            case FIXED:
                return named(schema);
            default:
                return primitive(schema);
        }
    }

    private JsonNode named(Schema schema) {
        String name = schema.getFullName();
        if (!defined.add(name)) {
            return TextNode.valueOf(name);
        }
        ObjectNode node =
                JSON.objectNode().put("name", name).put("type", schema.getType().getName());
        if (schema.getType() == Schema.Type.ENUM) {
            ArrayNode symbols = node.putArray("symbols");
            schema.getEnumSymbols().forEach(symbols::add);
        } else if (schema.getType() == Schema.Type.FIXED) {
            node.put("size", schema.getFixedSize());
            logical(node, schema.getLogicalType());
        } else {
            ArrayNode fields = node.putArray("fields");
            schema.getFields().forEach(field -> fields.add(field(field)));
        }
        docAndAliases(node, schema.getDoc(), schema.getAliases());
        if (schema.getType() == Schema.Type.ENUM && schema.getEnumDefault() != null) {
            node.put("default", schema.getEnumDefault());
        }
        return withProps(node, schema.getObjectProps());
    }

    private ObjectNode field(Schema.Field field) {
        ObjectNode node = JSON.objectNode().put("name", field.name());
        node.set("type", write(field.schema()));
        if (field.order() != Schema.Field.Order.ASCENDING) {
            node.put("order", field.order().name().toLowerCase(java.util.Locale.ROOT));
        }
        docAndAliases(node, field.doc(), field.aliases());
        if (field.hasDefaultValue()) {
            node.set("default", JacksonUtils.toJsonNode(field.defaultVal()));
        }
        return withProps(node, field.getObjectProps());
    }

    private JsonNode primitive(Schema schema) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType == null && !schema.hasProps()) {
            return TextNode.valueOf(schema.getType().getName());
        }
        ObjectNode node = typed(schema);
        logical(node, logicalType);
        return withProps(node, schema.getObjectProps());
    }

    private static ObjectNode typed(Schema schema) {
        return JSON.objectNode().put("type", schema.getType().getName());
    }

    private static void logical(ObjectNode node, LogicalType logicalType) {
        if (logicalType == null) {
            return;
        }
        node.put(LogicalType.LOGICAL_TYPE_PROP, logicalType.getName());
        if (logicalType instanceof LogicalTypes.Decimal decimal) {
            node.put("precision", decimal.getPrecision());
            if (decimal.getScale() != 0) {
                node.put("scale", decimal.getScale());
            }
        }
    }

    private static void docAndAliases(ObjectNode node, String doc, Set<String> aliases) {
        if (doc != null && !doc.isEmpty()) {
            node.put("doc", doc);
        }
        if (!aliases.isEmpty()) {
            ArrayNode sorted = node.putArray("aliases");
            new TreeSet<>(aliases).forEach(sorted::add);
        }
    }

    private static ObjectNode withProps(ObjectNode node, Map<String, Object> props) {
        new TreeMap<>(props).forEach((key, value) -> {
            if (!node.has(key)) {
                node.set(key, JacksonUtils.toJsonNode(value));
            }
        });
        return node;
    }
}
