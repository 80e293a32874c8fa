package dev.castle.domain.format;

import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A schema parsed by its {@link SchemaFormat}, with its references resolved. Immutable. */
public interface ParsedSchema {

    /** The placeholder in a difference's text for the word naming the reading schema ({@code new} or {@code old}). */
    String READER = "{reader}";

    /** The placeholder in a difference's text for the word naming the writing schema. */
    String WRITER = "{writer}";

    SchemaType type();

    /** The text Castle stores and hashes (spec §8.2). */
    String canonical();

    /** The normalized form (spec §8.2); its {@link #canonical()} is the normalized text. */
    ParsedSchema normalize();

    /**
     * Why this schema, as reader, cannot read data written with {@code writer}: one Confluent-formatted message per
     * incompatibility, with {@link #READER} and {@link #WRITER} where Confluent prints {@code new} or {@code old}.
     * Empty when it can. {@code writer} is of the same type.
     */
    List<String> readDifferences(ParsedSchema writer);

    /** The text for a {@code format=} query parameter (spec §8.3); unknown formats give {@link #canonical()}. */
    String render(String format);

    /** True when both describe the same schema once references are inlined (Confluent's {@code canLookup}). */
    boolean sameResolvedSchema(ParsedSchema other);

    /** True when {@code field} names a top-level field (Confluent's {@code hasTopLevelField}, for reserved fields). */
    default boolean hasTopLevelField(String field) {
        return false;
    }

    /**
     * This schema with tags added to and then removed from the named entities, written into the schema text as
     * Confluent writes them (Confluent's {@code copy(tagsToAdd, tagsToRemove)}); an entity left without tags loses
     * the tag property or option.
     *
     * @throws SchemaTagException when an entity's path names nothing in this schema
     */
    default ParsedSchema withTags(Map<SchemaEntity, Set<String>> add, Map<SchemaEntity, Set<String>> remove) {
        throw new SchemaTagException("Schema tags are not supported for " + type());
    }

    /** The entities that carry tags in the schema text, in document order (Confluent's {@code inlineTaggedEntities}). */
    default Map<SchemaEntity, Set<String>> taggedEntities() {
        return Map.of();
    }
}
