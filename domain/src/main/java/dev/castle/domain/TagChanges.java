package dev.castle.domain;

import java.util.List;

/**
 * The schema-tag part of a register request (Confluent 7.6+): tags to add to and remove from entities of the sent
 * schema, and whether the tags of the subject's latest version are carried over to the new one.
 */
public record TagChanges(List<SchemaTags> add, List<SchemaTags> remove, boolean propagate) {
    public static final TagChanges NONE = new TagChanges(List.of(), List.of(), false);

    public TagChanges {
        add = add == null ? List.of() : List.copyOf(add);
        remove = remove == null ? List.of() : List.copyOf(remove);
    }

    /** True when the request adds or removes any tag (Confluent's {@code hasSchemaTagsToAddOrRemove}). */
    public boolean edits() {
        return !add.isEmpty() || !remove.isEmpty();
    }

    /** True when the request touches tags at all, which takes it off the register fast path. */
    public boolean any() {
        return edits() || propagate;
    }
}
