package dev.castle.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.jsonschema.Shape.Annotations;
import dev.castle.jsonschema.Shape.Combined;
import dev.castle.jsonschema.Shape.Criterion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The typed part of a schema: the declared {@code type} (several types are an {@code anyOf}), then one shape per
 * keyword family the declared types did not claim (an {@code object} schema with {@code minLength} also gets a
 * string shape), then {@code if}/{@code then}/{@code else}.
 */
final class TypedShapes {

    /** The keyword families, each with the keywords that make a schema without {@code type} constrain that type. */
    private enum Family {
        ARRAY(Set.of(
                "items",
                "additionalItems",
                "minItems",
                "maxItems",
                "uniqueItems",
                "contains",
                "minContains",
                "maxContains",
                "prefixItems",
                "unevaluatedItems")),
        OBJECT(Set.of(
                "properties",
                "required",
                "minProperties",
                "maxProperties",
                "dependencies",
                "dependentRequired",
                "dependentSchemas",
                "patternProperties",
                "additionalProperties",
                "propertyNames",
                "unevaluatedProperties")),
        NUMBER(Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")),
        STRING(Set.of("minLength", "maxLength", "pattern", "format"));

        private final Set<String> keywords;

        Family(Set<String> keywords) {
            this.keywords = keywords;
        }

        boolean presentIn(JsonNode node) {
            for (String keyword : keywords) {
                if (node.has(keyword)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Containers containers;

    TypedShapes(ShapeLoader loader) {
        this.containers = new Containers(loader);
    }

    void add(JsonNode node, Document document, List<Function<Annotations, Shape>> parts) {
        Set<Family> claimed = EnumSet.noneOf(Family.class);
        JsonNode type = node.get("type");
        if (type != null && type.isArray()) {
            List<Shape> types = new ArrayList<>();
            for (JsonNode each : type) {
                types.add(explicit(each.asText(), node, document, claimed).apply(Annotations.NONE));
            }
            parts.add(annotations -> new Combined(annotations, Criterion.ANY_OF, types));
        } else if (type != null) {
            parts.add(explicit(type.asText(), node, document, claimed));
        }
        for (Family family : Family.values()) {
            if (!claimed.contains(family) && family.presentIn(node)) {
                parts.add(implicit(family, node, document));
            }
        }
        if (document.draft().atLeast(Draft.DRAFT_7) && (node.has("if") || node.has("then") || node.has("else"))) {
            parts.add(Shape.Conditional::new);
        }
    }

    private Function<Annotations, Shape> explicit(String type, JsonNode node, Document document, Set<Family> claimed) {
        switch (type) {
            case "string":
                claimed.add(Family.STRING);
                return string(node);
            case "integer":
                claimed.add(Family.NUMBER);
                return number(node, document, true);
            case "number":
                claimed.add(Family.NUMBER);
                return number(node, document, false);
            case "boolean":
                return Shape.BooleanType::new;
            case "null":
                return Shape.NullType::new;
            case "array":
                claimed.add(Family.ARRAY);
                return containers.array(node, document);
            case "object":
                claimed.add(Family.OBJECT);
                return containers.object(node, document);
            default:
                throw new JsonSchemaException("Unknown type: [" + type + "]");
        }
    }

    private Function<Annotations, Shape> implicit(Family family, JsonNode node, Document document) {
        switch (family) {
            case ARRAY:
                return containers.array(node, document);
            case OBJECT:
                return containers.object(node, document);
            case NUMBER:
                return number(node, document, false);
            default:
                return string(node);
        }
    }

    private static Function<Annotations, Shape> string(JsonNode node) {
        Integer minLength = integer(node, "minLength");
        Integer maxLength = integer(node, "maxLength");
        JsonNode pattern = node.get("pattern");
        String regex = pattern != null && pattern.isTextual() ? pattern.asText() : null;
        return annotations -> new Shape.StringType(annotations, minLength, maxLength, regex);
    }

    private static Function<Annotations, Shape> number(JsonNode node, Document document, boolean integer) {
        boolean numericExclusive = document.draft() != Draft.DRAFT_4;
        BigDecimal minimum = decimal(node, "minimum");
        BigDecimal maximum = decimal(node, "maximum");
        BigDecimal exclusiveMinimum = numericExclusive ? decimal(node, "exclusiveMinimum") : null;
        BigDecimal exclusiveMaximum = numericExclusive ? decimal(node, "exclusiveMaximum") : null;
        BigDecimal multipleOf = decimal(node, "multipleOf");
        return annotations -> new Shape.NumberType(
                annotations, integer, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf);
    }

    static Integer integer(JsonNode node, String keyword) {
        JsonNode value = node.get(keyword);
        return value != null && value.isNumber() ? value.intValue() : null;
    }

    private static BigDecimal decimal(JsonNode node, String keyword) {
        JsonNode value = node.get(keyword);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }
}
