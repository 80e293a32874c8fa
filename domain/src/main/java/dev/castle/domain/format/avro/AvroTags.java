package dev.castle.domain.format.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.SchemaEntity;
import dev.castle.domain.format.SchemaTagException;
import dev.castle.domain.format.TagProperty;
import dev.castle.domain.json.Jackson;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Schema tags in Avro: a {@code "confluent:tags"} array property on a record (entity {@code namespace.Record}) or on
 * a field ({@code namespace.Record.field}). A path without a namespace matches a record of that name in any namespace;
 * the first match, breadth first through fields, array items, map values and union branches, is the one tagged.
 */
final class AvroTags {
    static final String TAGS = TagProperty.NAME;
    private static final ObjectMapper JSON = Jackson.MAPPER;

    private AvroTags() {}

    /** The schema text with the tags edited; the result is to be parsed again. */
    static String edit(String canonical, Map<SchemaEntity, Set<String>> add, Map<SchemaEntity, Set<String>> remove) {
        JsonNode root;
        try {
            root = JSON.readTree(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical Avro text is JSON", e);
        }
        TagProperty.edit(add, remove, entity -> find(root, entity));
        return root.toString();
    }

    /** Every record and field that carries tags, records before their fields, nested records after their field. */
    static Map<SchemaEntity, Set<String>> entities(Schema schema) {
        Map<SchemaEntity, Set<String>> found = new LinkedHashMap<>();
        collect(schema, found, new HashSet<>());
        return found;
    }

    private static void collect(Schema schema, Map<SchemaEntity, Set<String>> found, Set<String> visited) {
        switch (schema.getType()) {
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, found, visited));
            case ARRAY -> collect(schema.getElementType(), found, visited);
            case MAP -> collect(schema.getValueType(), found, visited);
            case RECORD -> {
                String name = schema.getFullName();
                if (!visited.add(name)) {
                    return;
                }
                putIfTagged(found, SchemaEntity.record(name), schema.getObjectProp(TAGS));
                for (Schema.Field field : schema.getFields()) {
                    putIfTagged(found, SchemaEntity.field(name + "." + field.name()), field.getObjectProp(TAGS));
                    collect(field.schema(), found, visited);
                }
            }
            default -> {}
        }
    }

    private static void putIfTagged(Map<SchemaEntity, Set<String>> found, SchemaEntity entity, Object tags) {
        if (tags instanceof Collection<?> list && !list.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            list.forEach(tag -> names.add(String.valueOf(tag)));
            found.put(entity, names);
        }
    }

    private record Visit(JsonNode node, String namespace) {}

    /** The record or field node the entity names, breadth first from the root. */
    private static ObjectNode find(JsonNode root, SchemaEntity entity) {
        List<String> parts = List.of(entity.path().split("\\.", -1));
        int recordAt = entity.isRecord() ? parts.size() - 1 : parts.size() - 2;
        if (recordAt < 0 || parts.stream().anyMatch(String::isEmpty)) {
            throw SchemaTagException.noMatchingPath(entity.path());
        }
        String namespace = String.join(".", parts.subList(0, recordAt));
        String recordName = parts.get(recordAt);
        Deque<Visit> queue = new ArrayDeque<>();
        queue.add(new Visit(root, root.path("namespace").asText("")));
        while (!queue.isEmpty()) {
            Visit visit = queue.removeFirst();
            JsonNode node = visit.node();
            if (node.isArray()) {
                node.forEach(branch -> queue.add(new Visit(branch, visit.namespace())));
            } else if (node.isObject()) {
                ObjectNode match =
                        visitType((ObjectNode) node, visit.namespace(), namespace, recordName, entity, queue);
                if (match != null) {
                    return match;
                }
            }
        }
        throw SchemaTagException.noMatchingPath(entity.path());
    }

    private static ObjectNode visitType(
            ObjectNode node,
            String enclosing,
            String namespace,
            String recordName,
            SchemaEntity entity,
            Deque<Visit> queue) {
        String type = node.path("type").isTextual() ? node.get("type").asText() : "";
        switch (type) {
            case "record", "error" -> {
                String space = node.has("namespace") ? node.get("namespace").asText("") : enclosing;
                String name = node.path("name").asText("");
                int dot = name.lastIndexOf('.');
                if (dot >= 0) {
                    space = name.substring(0, dot);
                    name = name.substring(dot + 1);
                }
                if ((namespace.isEmpty() || namespace.equals(space)) && recordName.equals(name)) {
                    return entity.isRecord() ? node : field(node, entity); // no such field: search on
                }
                String inner = space;
                node.path("fields").forEach(field -> queue.add(new Visit(field.path("type"), inner)));
            }
            case "array" -> queue.add(new Visit(node.path("items"), enclosing));
            case "map" -> queue.add(new Visit(node.path("values"), enclosing));
            default -> queue.add(new Visit(node.path("type"), enclosing));
        }
        return null;
    }

    private static ObjectNode field(ObjectNode record, SchemaEntity entity) {
        String name = entity.path().substring(entity.path().lastIndexOf('.') + 1);
        for (JsonNode field : record.path("fields")) {
            if (field.isObject() && name.equals(field.path("name").asText())) {
                return (ObjectNode) field;
            }
        }
        return null;
    }
}
