package dev.castle.domain;

import java.util.List;

/**
 * The body of register, lookup and compatibility requests ({@code RegisterSchemaRequest}). {@code schema} may be null
 * or empty (register then reuses the latest version, spec §4.1 step 4); {@code id} and {@code version} are null when
 * absent; {@code metadata} and {@code ruleSet} are compact JSON in {@link ContractForm}'s normal form, or null;
 * {@code tags} holds {@code schemaTagsToAdd}, {@code schemaTagsToRemove} and {@code propagateSchemaTags}.
 */
public record SchemaRequest(
        String schema,
        SchemaType schemaType,
        List<SchemaReference> references,
        Integer id,
        Integer version,
        String metadata,
        String ruleSet,
        TagChanges tags) {

    public SchemaRequest {
        tags = tags == null ? TagChanges.NONE : tags;
        references = references == null ? List.of() : List.copyOf(references);
        schemaType = schemaType == null ? SchemaType.AVRO : schemaType;
        metadata = ContractForm.metadata(metadata);
        ruleSet = ContractForm.ruleSet(ruleSet);
    }

    public SchemaRequest(
            String schema,
            SchemaType schemaType,
            List<SchemaReference> references,
            Integer id,
            Integer version,
            String metadata,
            String ruleSet) {
        this(schema, schemaType, references, id, version, metadata, ruleSet, TagChanges.NONE);
    }

    public static SchemaRequest of(SchemaType type, String schema, List<SchemaReference> references) {
        return new SchemaRequest(schema, type, references, null, null, null, null);
    }

    /** This request with another schema text and version, the rest unchanged. */
    public SchemaRequest withSchema(String text, Integer newVersion) {
        return new SchemaRequest(text, schemaType, references, id, newVersion, metadata, ruleSet, tags);
    }

    public boolean hasSchema() {
        return schema != null && !schema.isBlank();
    }
}
