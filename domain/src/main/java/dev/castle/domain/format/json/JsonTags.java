package dev.castle.domain.format.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.SchemaEntity;
import dev.castle.domain.format.SchemaTagException;
import dev.castle.domain.format.TagProperty;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema tags in JSON Schema: a {@code "confluent:tags"} array keyword on an object schema (entity path
 * {@code object}) or on a property's schema ({@code object.name}). Paths name the way down as Confluent writes them:
 * {@code object.address.object.city} through nested objects, {@code array} for an array's items,
 * {@code anyof.1.object} (also {@code oneof}, {@code allof}) for a branch in {@link JsonBranchOrder}'s order,
 * {@code not}, and {@code object.definitions.Name.object} or {@code object.$defs.Name.object} for definitions.
 */
final class JsonTags {
    private JsonTags() {}

    /** The root with the tags edited, as a new tree. */
    static JsonNode edit(JsonNode original, Map<SchemaEntity, Set<String>> add, Map<SchemaEntity, Set<String>> remove) {
        JsonNode root = original.deepCopy();
        TagProperty.edit(add, remove, entity -> {
            if (find(root, entity) instanceof ObjectNode node) {
                return node;
            }
            throw SchemaTagException.noMatchingPath(entity.path());
        });
        return root;
    }

    /** Every object and property schema that carries tags, in document order. */
    static Map<SchemaEntity, Set<String>> entities(JsonNode root) {
        Map<SchemaEntity, Set<String>> found = new LinkedHashMap<>();
        collect(root, "", false, found, new HashSet<>());
        return found;
    }

    private static void collect(
            JsonNode node, String scope, boolean inField, Map<SchemaEntity, Set<String>> found, Set<String> visited) {
        if (!node.isObject()) {
            return;
        }
        String criterion = JsonBranchOrder.criterion(node);
        if (criterion != null) {
            List<JsonNode> branches = JsonBranchOrder.branches(node);
            for (int i = 0; i < branches.size(); i++) {
                collect(branches.get(i), scope + criterion + "." + i + ".", false, found, visited);
            }
        } else if (JsonBranchOrder.isArray(node)) {
            collect(node.path("items"), scope + "array.", false, found, visited);
        } else if (JsonBranchOrder.isObject(node)) {
            String name = scope + "object";
            if (!visited.add(name)) {
                return;
            }
            if (!inField) {
                putIfTagged(found, SchemaEntity.record(name), node);
            }
            node.path("properties").fields().forEachRemaining(property -> {
                String field = name + "." + property.getKey();
                putIfTagged(found, SchemaEntity.field(field), property.getValue());
                collect(property.getValue(), field + ".", true, found, visited);
            });
            for (String definitions : List.of("definitions", "$defs")) {
                node.path(definitions)
                        .fields()
                        .forEachRemaining(definition -> collect(
                                definition.getValue(),
                                name + "." + definitions + "." + definition.getKey() + ".",
                                false,
                                found,
                                visited));
            }
        } else if (node.has("not")) {
            collect(node.get("not"), scope + "not.", false, found, visited);
        }
    }

    private static void putIfTagged(Map<SchemaEntity, Set<String>> found, SchemaEntity entity, JsonNode node) {
        Set<String> tags = TagProperty.of(node);
        if (!tags.isEmpty()) {
            found.put(entity, tags);
        }
    }

    /** The node a path names, or null. */
    private static JsonNode find(JsonNode root, SchemaEntity entity) {
        Deque<String> words = new ArrayDeque<>(List.of(entity.path().split("\\.", -1)));
        return find(root, entity.isRecord(), words);
    }

    private static JsonNode find(JsonNode node, boolean record, Deque<String> words) {
        String word = words.poll();
        if (word == null || node == null || !node.isObject()) {
            return null;
        }
        switch (word) {
            case "object" -> {
                if (record && words.isEmpty()) {
                    return node;
                }
                String next = words.peek();
                JsonNode container = node.get("properties");
                if ("definitions".equals(next) || "$defs".equals(next)) {
                    container = node.get(words.poll());
                }
                JsonNode found = member(container, words);
                return found == null || words.isEmpty() ? found : find(found, record, words);
            }
            case "array" -> {
                return find(node.get("items"), record, words);
            }
            case "anyof", "oneof", "allof" -> {
                return branch(node, word, record, words);
            }
            case "not" -> {
                return find(node.get("not"), record, words);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A branch by its index in Confluent's order. A {@code type} array ({@code anyof}) and an {@code if}/{@code then}/
     * {@code else} ({@code allof.N.conditional.if}) have no branch nodes of their own: the path goes on in this node.
     */
    private static JsonNode branch(JsonNode node, String criterion, boolean record, Deque<String> words) {
        String index = words.poll();
        if (index == null || !index.matches("\\d{1,9}")) {
            return null;
        }
        String keyword = JsonBranchOrder.keyword(criterion);
        if (!node.has(keyword)) {
            if ("allof".equals(criterion) && "conditional".equals(words.peek())) {
                words.poll();
                String part = words.poll();
                return part == null ? null : find(node.get(part), record, words);
            }
            return find(node, record, words);
        }
        List<JsonNode> branches = JsonBranchOrder.sorted(node.get(keyword));
        int i = Integer.parseInt(index);
        return i < branches.size() ? find(branches.get(i), record, words) : null;
    }

    /** A member whose name may itself hold dots: the shortest run of words that names one. */
    private static JsonNode member(JsonNode container, Deque<String> words) {
        if (container == null || !container.isObject() || words.isEmpty()) {
            return null;
        }
        List<String> taken = new ArrayList<>();
        taken.add(words.poll());
        while (!container.has(String.join(".", taken)) && !words.isEmpty()) {
            taken.add(words.poll());
        }
        return container.get(String.join(".", taken));
    }
}
