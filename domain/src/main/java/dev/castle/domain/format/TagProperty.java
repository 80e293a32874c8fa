package dev.castle.domain.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.SchemaEntity;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Confluent's {@code "confluent:tags"} property, the array of tag names an Avro or JSON Schema text carries on a tagged
 * record (object) or field (property).
 */
public final class TagProperty {
    public static final String NAME = "confluent:tags";

    private TagProperty() {}

    /** The tags on a node, in their order; none when it has no such array. */
    public static Set<String> of(JsonNode node) {
        Set<String> tags = new LinkedHashSet<>();
        JsonNode array = node.get(NAME);
        if (array != null && array.isArray()) {
            array.forEach(tag -> tags.add(tag.asText()));
        }
        return tags;
    }

    /**
     * Adds, then removes, each entity's tags on the node {@code find} gives for it (which throws when there is none);
     * a node left without tags loses the property.
     */
    public static void edit(
            Map<SchemaEntity, Set<String>> add,
            Map<SchemaEntity, Set<String>> remove,
            Function<SchemaEntity, ObjectNode> find) {
        Set<SchemaEntity> entities = new LinkedHashSet<>(add.keySet());
        entities.addAll(remove.keySet());
        for (SchemaEntity entity : entities) {
            ObjectNode node = find.apply(entity);
            Set<String> tags = of(node);
            tags.addAll(add.getOrDefault(entity, Set.of()));
            tags.removeAll(remove.getOrDefault(entity, Set.of()));
            if (tags.isEmpty()) {
                node.remove(NAME);
            } else {
                ArrayNode array = node.arrayNode();
                tags.forEach(array::add);
                node.replace(NAME, array);
            }
        }
    }
}
