package dev.castle.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tags of one schema entity, as {@code schemaTagsToAdd}, {@code schemaTagsToRemove} and {@code findTags} answers
 * carry them: {@code {"schemaEntity":{"entityPath":"...","entityType":"sr_field"},"tags":["PII"]}}.
 */
public record SchemaTags(SchemaEntity entity, List<String> tags) {

    public SchemaTags {
        tags = List.copyOf(tags);
    }

    /** Tags per entity, in the order given; an entity named twice gets the union of its tags. */
    public static Map<SchemaEntity, Set<String>> byEntity(List<SchemaTags> list) {
        Map<SchemaEntity, Set<String>> map = new LinkedHashMap<>();
        for (SchemaTags entry : list) {
            map.computeIfAbsent(entry.entity(), e -> new LinkedHashSet<>()).addAll(entry.tags());
        }
        return Collections.unmodifiableMap(map);
    }

    /** The wildcard of {@code findTags}: every tagged entity. */
    public static final String ANY = "*";

    /**
     * The answer to {@code findTags} (Confluent 7.6+): the entities of {@code tagged} that carry at least one of the
     * {@code wanted} tags, or every tagged entity when {@code wanted} holds {@link #ANY}; each with all its tags, in
     * the order of {@code tagged}. Empty when nothing matches.
     */
    public static List<SchemaTags> matching(Map<SchemaEntity, Set<String>> tagged, Collection<String> wanted) {
        boolean any = wanted.contains(ANY);
        return tagged.entrySet().stream()
                .filter(e -> any || !Collections.disjoint(wanted, e.getValue()))
                .map(e -> new SchemaTags(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }
}
