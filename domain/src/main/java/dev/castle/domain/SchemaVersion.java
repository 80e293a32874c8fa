package dev.castle.domain;

import java.util.List;

/**
 * One subject-version as the SCHEMA record of {@code _schemas} holds it (spec §5.3).
 *
 * @param subject the subject as stored, qualified with its context when not the default one ({@code :.ctx:s})
 * @param schema the stored (canonical) schema text
 * @param references never null; empty when the schema has none
 * @param metadata Confluent's {@code metadata} object as compact JSON in {@link ContractForm}'s normal form, or null
 * @param ruleSet Confluent's {@code ruleSet} object as compact JSON in {@link ContractForm}'s normal form, or null
 * @param deleted true once soft-deleted
 */
public record SchemaVersion(
        String subject,
        int version,
        int id,
        SchemaType schemaType,
        String schema,
        List<SchemaReference> references,
        String metadata,
        String ruleSet,
        boolean deleted) {

    public SchemaVersion {
        references = references == null ? List.of() : List.copyOf(references);
        schemaType = schemaType == null ? SchemaType.AVRO : schemaType;
        metadata = ContractForm.metadata(metadata);
        ruleSet = ContractForm.ruleSet(ruleSet);
    }

    public SchemaVersion withDeleted(boolean deleted) {
        return new SchemaVersion(subject, version, id, schemaType, schema, references, metadata, ruleSet, deleted);
    }

    /** The context this subject-version lives in ({@code "."} for the default context). */
    public String context() {
        return QualifiedSubject.parse(subject).context();
    }
}
