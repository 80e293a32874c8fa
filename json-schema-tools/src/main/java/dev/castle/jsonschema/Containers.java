package dev.castle.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.jsonschema.Shape.Annotations;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads the object and array keywords of a schema into {@link Shape.ObjectType} and {@link Shape.ArrayType}. */
final class Containers {
    private final ShapeLoader loader;

    Containers(ShapeLoader loader) {
        this.loader = loader;
    }

    Function<Annotations, Shape> object(JsonNode node, Document document) {
        Map<String, Shape> properties = schemas(node.get("properties"), document);
        Set<String> required = strings(node.get("required"));
        JsonNode additional = node.get("additionalProperties");
        boolean permitsAdditional = additional == null || !additional.isBoolean() || additional.booleanValue();
        Shape additionalSchema = additional != null && additional.isObject() ? loader.load(additional, document) : null;
        Map<String, Shape> patterns = schemas(node.get("patternProperties"), document);
        Map<String, Set<String>> propertyDependencies = new LinkedHashMap<>();
        Map<String, Shape> schemaDependencies = new LinkedHashMap<>();
        dependencies(node.get("dependencies"), document, propertyDependencies, schemaDependencies);
        dependencies(node.get("dependentRequired"), document, propertyDependencies, schemaDependencies);
        dependencies(node.get("dependentSchemas"), document, propertyDependencies, schemaDependencies);
        Integer minProperties = TypedShapes.integer(node, "minProperties");
        Integer maxProperties = TypedShapes.integer(node, "maxProperties");
        Shape unevaluated = optional(node.get("unevaluatedProperties"), document);
        return annotations -> new Shape.ObjectType(
                annotations,
                properties,
                required,
                permitsAdditional,
                additionalSchema,
                patterns,
                propertyDependencies,
                schemaDependencies,
                minProperties,
                maxProperties,
                unevaluated);
    }

    Function<Annotations, Shape> array(JsonNode node, Document document) {
        JsonNode items = node.get("items");
        JsonNode prefixItems = node.get("prefixItems");
        JsonNode additional = node.get("additionalItems");
        Shape allItems = null;
        List<Shape> tuple = new ArrayList<>();
        boolean modern = document.draft() == Draft.DRAFT_2020_12;
        if (modern && prefixItems != null && prefixItems.isArray()) {
            prefixItems.forEach(item -> tuple.add(loader.load(item, document)));
            additional = items;
        } else if (modern && items != null && items.isBoolean()) {
            additional = items;
        } else if (items != null && items.isArray()) {
            items.forEach(item -> tuple.add(loader.load(item, document)));
        } else if (items != null) {
            allItems = loader.load(items, document);
        }
        boolean permitsAdditional = additional == null || !additional.isBoolean() || additional.booleanValue();
        Shape additionalSchema = additional != null && additional.isObject() ? loader.load(additional, document) : null;
        Shape all = allItems;
        Integer minItems = TypedShapes.integer(node, "minItems");
        Integer maxItems = TypedShapes.integer(node, "maxItems");
        boolean unique = node.path("uniqueItems").asBoolean(false);
        Integer minContains = TypedShapes.integer(node, "minContains");
        Integer maxContains = TypedShapes.integer(node, "maxContains");
        Shape unevaluated = optional(node.get("unevaluatedItems"), document);
        return annotations -> new Shape.ArrayType(
                annotations,
                all,
                tuple,
                permitsAdditional,
                additionalSchema,
                minItems,
                maxItems,
                unique,
                minContains,
                maxContains,
                unevaluated);
    }

    private Shape optional(JsonNode schema, Document document) {
        return schema == null ? null : loader.load(schema, document);
    }

    private Map<String, Shape> schemas(JsonNode named, Document document) {
        Map<String, Shape> schemas = new LinkedHashMap<>();
        if (named != null && named.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = named.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                schemas.put(field.getKey(), loader.load(field.getValue(), document));
            }
        }
        return schemas;
    }

    private void dependencies(
            JsonNode dependencies, Document document, Map<String, Set<String>> properties, Map<String, Shape> schemas) {
        if (dependencies == null || !dependencies.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = dependencies.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isArray()) {
                properties.put(field.getKey(), strings(field.getValue()));
            } else {
                schemas.put(field.getKey(), loader.load(field.getValue(), document));
            }
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(element -> strings.add(element.asText()));
        }
        return strings;
    }
}
