package dev.castle.domain.format.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order Confluent numbers the branches of {@code anyOf}, {@code oneOf} and {@code allOf} in by when it names a
 * tagged entity inside one: by kind of schema (array, boolean, combined, conditional, const, empty, enum, false, not,
 * null, number, object, reference, string, true), then title, description and default, then by kind: an object's
 * property names and required names, an array's items, a combination's criterion and branches. A {@code type} array
 * ({@code ["null","object"]}) reads as {@code anyOf} one branch per type.
 */
final class JsonBranchOrder {
    private static final List<String> KINDS = List.of(
            "array",
            "boolean",
            "combined",
            "conditional",
            "const",
            "empty",
            "enum",
            "false",
            "not",
            "null",
            "number",
            "object",
            "reference",
            "string",
            "true");
    private static final Map<String, String> KEYWORDS = Map.of("allof", "allOf", "anyof", "anyOf", "oneof", "oneOf");
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<JsonNode> ORDER = JsonBranchOrder::compare;

    private JsonBranchOrder() {}

    /** {@code allOf} for {@code allof}, and so on. */
    static String keyword(String criterion) {
        return KEYWORDS.get(criterion);
    }

    /** {@code allof}, {@code anyof} or {@code oneof} when the node combines branches, else null. */
    static String criterion(JsonNode node) {
        if (node.has("allOf")) {
            return "allof";
        }
        if (node.has("anyOf")) {
            return "anyof";
        }
        if (node.has("oneOf")) {
            return "oneof";
        }
        return node.path("type").isArray() && node.get("type").size() > 1 ? "anyof" : null;
    }

    /** The node's branches in Confluent's order; a {@code type} array gives this node once per type. */
    static List<JsonNode> branches(JsonNode node) {
        String keyword = keyword(criterion(node));
        if (node.has(keyword)) {
            return sorted(node.get(keyword));
        }
        List<JsonNode> branches = new ArrayList<>();
        for (JsonNode type : node.get("type")) {
            boolean structured = "object".equals(type.asText()) || "array".equals(type.asText());
            ObjectNode branch = structured ? ((ObjectNode) node).deepCopy() : ((ObjectNode) node).objectNode();
            branch.set("type", type);
            branches.add(branch);
        }
        branches.sort(ORDER);
        return branches;
    }

    static List<JsonNode> sorted(JsonNode branches) {
        List<JsonNode> list = new ArrayList<>();
        branches.forEach(list::add);
        list.sort(ORDER);
        return list;
    }

    static boolean isObject(JsonNode node) {
        return "object".equals(node.path("type").asText(null)) || node.has("properties");
    }

    static boolean isArray(JsonNode node) {
        return "array".equals(node.path("type").asText(null)) || node.has("items");
    }

    private static String kind(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean() ? "true" : "false";
        }
        if (node.has("$ref")) {
            return "reference";
        }
        if (criterion(node) != null) {
            return "combined";
        }
        if (node.has("if")) {
            return "conditional";
        }
        if (node.has("const")) {
            return "const";
        }
        if (node.has("enum")) {
            return "enum";
        }
        if (node.has("not")) {
            return "not";
        }
        if (isObject(node)) {
            return "object";
        }
        if (isArray(node)) {
            return "array";
        }
        String type = node.path("type").asText("");
        return switch (type) {
            case "string", "null", "boolean" -> type;
            case "number", "integer" -> "number";
            default -> "empty";
        };
    }

    private static int compare(JsonNode a, JsonNode b) {
        String kind = kind(a);
        int cmp = Integer.compare(KINDS.indexOf(kind), KINDS.indexOf(kind(b)));
        for (String text : List.of("title", "description", "default")) {
            if (cmp == 0) {
                cmp = TEXT.compare(text(a.get(text)), text(b.get(text)));
            }
        }
        if (cmp != 0) {
            return cmp;
        }
        return switch (kind) {
            case "object" -> {
                int names = names(
                        a.path("properties").fieldNames(), b.path("properties").fieldNames());
                yield names != 0 ? names : names(values(a.path("required")), values(b.path("required")));
            }
            case "array" -> compare(a.path("items"), b.path("items"));
            case "combined" -> {
                int criteria = TEXT.compare(criterion(a), criterion(b));
                List<JsonNode> left = branches(a);
                List<JsonNode> right = branches(b);
                int result = criteria != 0 ? criteria : Integer.compare(left.size(), right.size());
                for (int i = 0; result == 0 && i < left.size(); i++) {
                    result = compare(left.get(i), right.get(i));
                }
                yield result;
            }
            case "const" -> TEXT.compare(
                    a.get("const").toString(), b.get("const").toString());
            case "enum" -> names(values(a.get("enum")), values(b.get("enum")));
            case "not" -> compare(a.get("not"), b.get("not"));
            default -> 0;
        };
    }

    private static String text(JsonNode value) {
        return value == null ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static java.util.Iterator<String> values(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(text(value)));
        return texts.iterator();
    }

    private static int names(java.util.Iterator<String> a, java.util.Iterator<String> b) {
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        a.forEachRemaining(left::add);
        b.forEachRemaining(right::add);
        int cmp = Integer.compare(left.size(), right.size());
        left.sort(TEXT);
        right.sort(TEXT);
        for (int i = 0; cmp == 0 && i < left.size(); i++) {
            cmp = Objects.compare(left.get(i), right.get(i), TEXT);
        }
        return cmp;
    }
}
